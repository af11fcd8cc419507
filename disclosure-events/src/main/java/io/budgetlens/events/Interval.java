package io.budgetlens.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** A value with the closed interval [low, high] that rounding allows for it. Decimal strings in JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Interval(
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal value,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal low,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal high) {

    public static Interval exact(BigDecimal value) {
        return new Interval(value, value, value);
    }
}
