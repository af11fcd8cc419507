package io.budgetlens.events;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a disclosure is: kind, scope, the fiscal year its figures describe, who published it and where, and (v1.1)
 * the template family its tables follow (NATIONAL, SHANGHAI, JIANGSU, CHONGQING).
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
        String contact,
        String templateFamily) {

    /** The v1.0 shape. */
    public DisclosureMeta(DisclosureKind kind, DisclosureScope scope, Integer fiscalYear, String title,
                          String department, String budgetUnitCode, String province, String district,
                          LocalDate publicationDate, String indexNumber, String publisher, String contact) {
        this(kind, scope, fiscalYear, title, department, budgetUnitCode, province, district, publicationDate,
                indexNumber, publisher, contact, null);
    }

    public static DisclosureMeta empty() {
        return new DisclosureMeta(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public DisclosureMeta withTemplateFamily(String family) {
        return new DisclosureMeta(kind, scope, fiscalYear, title, department, budgetUnitCode, province, district,
                publicationDate, indexNumber, publisher, contact, family);
    }
}
