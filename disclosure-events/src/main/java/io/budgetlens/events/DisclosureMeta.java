package io.budgetlens.events;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a disclosure is: kind, scope, the fiscal year its figures describe, who published it and where.
 * Every field is optional: a value the document does not state is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisclosureMeta(
        DisclosureKind kind,
        DisclosureScope scope,
        Integer fiscalYear,
        String title,
        String department,
        String budgetUnitCode,
        String province,
        String district,
        LocalDate publicationDate,
        String indexNumber,
        String publisher,
        String contact) {

    public static DisclosureMeta empty() {
        return new DisclosureMeta(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
