package io.budgetlens.reporting.api;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.budgetlens.events.Decimals;
import io.budgetlens.reporting.query.DisclosureQueries.FindingRow;

/**
 * One finding as the API shows it: the contract's Finding fields (ruleId, severity, category, messageZh,
 * messageEn, expected, actual, excess, unit, evidence), where it comes from (VALIDATION: the validation report;
 * CROSS_DOCUMENT: this service's comparison with relatedDocumentId) and, in cross-document lists, the disclosure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingView(String documentId, String source, int index, String ruleId, String severity,
                          String category, String messageZh, String messageEn, @JsonRawValue String expected,
                          @JsonSerialize(using = Decimals.PlainString.class) BigDecimal actual,
                          @JsonSerialize(using = Decimals.PlainString.class) BigDecimal excess, String unit,
                          @JsonRawValue String evidence, String relatedDocumentId, Disclosure disclosure) {

    /** The disclosure a finding belongs to, in cross-document lists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Disclosure(String kind, String scope, Integer fiscalYear, String department, String region,
                             String title) {
    }

    public static FindingView of(FindingRow r, boolean withDisclosure) {
        return new FindingView(withDisclosure ? r.documentId() : null, r.source(), r.index(), r.ruleId(),
                r.severity(), r.category(), r.messageZh(), r.messageEn(), r.expected(), r.actual(), r.excess(),
                r.unit(), r.evidence(), r.relatedDocumentId(),
                withDisclosure ? new Disclosure(r.kind(), r.scope(), r.fiscalYear(), r.department(), r.region(),
                        r.title()) : null);
    }
}
