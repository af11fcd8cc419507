package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.budgetlens.events.Interval;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;

/**
 * The comparison of a computed (expected) quantity with a printed (actual) one. HOLDS when the values are equal,
 * WITHIN_ROUNDING when the intervals overlap, BROKEN otherwise; a miss by no more than one unit of the actual's last
 * printed digit can come from rounding twice and is reported as INFO, never as an error.
 */
public record Comparison(Quantity expected, Quantity actual, Verdict verdict, Severity severity, BigDecimal excess) {

    public static Comparison of(Quantity expected, Quantity actual, Severity brokenSeverity) {
        if (expected.value().compareTo(actual.value()) == 0) {
            return new Comparison(expected, actual, Verdict.HOLDS, null, BigDecimal.ZERO);
        }
        if (expected.overlaps(actual)) {
            return new Comparison(expected, actual, Verdict.WITHIN_ROUNDING, null, BigDecimal.ZERO);
        }
        BigDecimal gap = expected.gap(actual);
        Severity severity = gap.compareTo(actual.unit()) <= 0 ? Severity.INFO : brokenSeverity;
        return new Comparison(expected, actual, Verdict.BROKEN, severity, gap);
    }

    /**
     * smaller ≤ larger (a part within its whole): broken only when the smaller figure's interval lies wholly above the
     * larger's, INFO within one unit of the last digit of the figure judged ({@code smallerIsActual}: the part, else the
     * whole).
     */
    public static Comparison atMost(Quantity smaller, Quantity larger, boolean smallerIsActual,
                                    Severity brokenSeverity) {
        Quantity expected = smallerIsActual ? larger : smaller;
        Quantity actual = smallerIsActual ? smaller : larger;
        if (smaller.low().compareTo(larger.high()) > 0) {
            BigDecimal gap = smaller.low().subtract(larger.high());
            return new Comparison(expected, actual, Verdict.BROKEN,
                    gap.compareTo(actual.unit()) <= 0 ? Severity.INFO : brokenSeverity, gap);
        }
        Verdict v = smaller.value().compareTo(larger.value()) <= 0 ? Verdict.HOLDS : Verdict.WITHIN_ROUNDING;
        return new Comparison(expected, actual, v, null, BigDecimal.ZERO);
    }

    public boolean broken() {
        return verdict == Verdict.BROKEN;
    }

    /** The expected interval for the finding, rounded outward to two more decimals than printed. */
    public Interval expectedInterval() {
        int scale = Math.max(actual.decimals(), 2) + 2;
        return new Interval(expected.value().setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                expected.low().setScale(scale, RoundingMode.FLOOR).stripTrailingZeros(),
                expected.high().setScale(scale, RoundingMode.CEILING).stripTrailingZeros());
    }
}
