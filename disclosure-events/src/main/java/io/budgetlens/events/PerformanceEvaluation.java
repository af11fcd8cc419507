package io.budgetlens.events;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A performance target table (绩效目标表, kind TARGETS) or self-evaluation (绩效自评表, SELF_EVALUATION) of one project or
 * of the whole department: budget and execution figures (万元), execution rate, weight and score, the stated total
 * score, and the indicators. Fields the table does not print are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PerformanceEvaluation(
        String tableId,
        String kind,
        String projectName,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal totalScore,
        String grade,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal budget,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal initialBudget,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal adjustedBudget,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal executed,
        String executionRate,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal executionWeight,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal executionScore,
        List<PerformanceIndicator> indicators) {
}
