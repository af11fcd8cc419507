package io.budgetlens.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One indicator of a performance table: its levels (一级/二级指标), name, unit, operator (=, ≥, ≤, 定性…), target and
 * actual value as printed (they may be text: "达标", "=2.38亿元"), deviation, weight, score rate and score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PerformanceIndicator(
        String level1,
        String level2,
        String name,
        String unit,
        String operator,
        String target,
        String actual,
        String deviation,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal weight,
        String scoreRate,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal score,
        Evidence evidence) {
}
