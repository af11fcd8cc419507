package io.budgetlens.events;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One broken check: what was expected (with the interval rounding allows), what was found, the part of the
 * difference rounding cannot explain, bilingual messages in the document's own labels, and evidence for every
 * operand. Amounts are in {@code unit} (万元 unless stated).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Finding(
        String ruleId,
        Severity severity,
        Category category,
        String messageZh,
        String messageEn,
        Interval expected,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal actual,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal excess,
        String unit,
        List<Evidence> evidence) {
}
