package io.budgetlens.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A figure stated in the narrative: a key from the controlled vocabulary (docs/facts.md), the value as printed
 * (decimal string), its unit (万元, 元, %), the decimals printed, the basis (CURRENT, PRIOR_YEAR, INITIAL_BUDGET,
 * ADJUSTED_BUDGET…), the fund scope, an optional change statement or share, and the sentence it came from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fact(
        String id,
        String key,
        String label,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal value,
        String unit,
        int decimals,
        String basis,
        FundScope scope,
        Change change,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal share,
        Integer shareDecimals,
        Evidence evidence) {
}
