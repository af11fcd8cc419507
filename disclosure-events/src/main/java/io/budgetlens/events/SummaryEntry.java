package io.budgetlens.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** Canonical current-year value of one summary key (万元), with the fund scope it counts and where it was read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SummaryEntry(
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal value,
        FundScope scope,
        Evidence evidence) {
}
