package io.budgetlens.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Canonical current-year value of one summary key (万元), with the fund scope it counts and where it was read. A
 * value read from a table in 元 (v1.1) keeps the figure as printed in {@code printed} and {@code printedUnit}; its
 * {@code value} is the exact conversion to 万元.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SummaryEntry(
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal value,
        FundScope scope,
        Evidence evidence,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal printed,
        String printedUnit) {

    /** The v1.0 shape: printed in 万元. */
    public SummaryEntry(BigDecimal value, FundScope scope, Evidence evidence) {
        this(value, scope, evidence, null, null);
    }
}
