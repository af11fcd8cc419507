package io.budgetlens.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A change statement captured whole ("较上年增加236.34万元,增长8.47%"): amount, percentage, the direction word as
 * printed (增加/减少/持平…), its sign (+1, -1, 0) and the comparison base (PRIOR_YEAR, INITIAL_BUDGET…).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Change(
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal amount,
        Integer amountDecimals,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal percent,
        Integer percentDecimals,
        String directionWord,
        int sign,
        String base) {
}
