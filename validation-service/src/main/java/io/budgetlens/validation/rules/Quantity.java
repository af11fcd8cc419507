package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import io.budgetlens.events.Evidence;

/**
 * A printed figure as the closed interval it stands for (docs/domain.md §6): printed with d decimals it is value ± 0.5·10^-d,
 * a stated zero is exact. Sums and differences add the bounds; a percentage of two positive intervals divides the
 * outer bounds. No epsilon anywhere: every bound is a decimal.
 */
public record Quantity(BigDecimal value, BigDecimal low, BigDecimal high, int decimals, String label,
                       Evidence evidence) {

    static final MathContext DIVISION = new MathContext(20, RoundingMode.HALF_EVEN);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Half a unit of the last printed digit, per number of decimals (the same values {@link #half} computes). */
    private static final BigDecimal[] HALVES = new BigDecimal[12];

    static {
        for (int d = 0; d < HALVES.length; d++) {
            HALVES[d] = half(d);
        }
    }

    /** Half a unit of the last of {@code decimals} printed digits: 0.5·10^-decimals. */
    static BigDecimal half(int decimals) {
        return BigDecimal.ONE.movePointLeft(decimals).divide(BigDecimal.valueOf(2));
    }

    /** The interval of a figure printed with the given number of decimals. */
    public static Quantity printed(BigDecimal value, int decimals, String label, Evidence evidence) {
        if (value.signum() == 0) {
            return new Quantity(value, value, value, decimals, label, evidence);
        }
        BigDecimal half = decimals >= 0 && decimals < HALVES.length ? HALVES[decimals] : half(decimals);
        return new Quantity(value, value.subtract(half), value.add(half), decimals, label, evidence);
    }

    /** A figure as printed in a table cell or sentence ("1,137.10", "0.5"); blank is a stated zero. */
    public static Quantity parse(String printed, String label, Evidence evidence) {
        String v = printed == null ? "" : printed.replace(",", "").strip();
        if (v.isEmpty()) {
            return printed(BigDecimal.ZERO, 0, label, evidence);
        }
        BigDecimal value = new BigDecimal(v);
        return printed(value, Math.max(0, value.scale()), label, evidence);
    }

    public static Quantity exact(BigDecimal value, String label) {
        return new Quantity(value, value, value, Math.max(0, value.scale()), label, null);
    }

    public boolean isExact() {
        return low.compareTo(high) == 0;
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value), low.add(other.low), high.add(other.high),
                Math.max(decimals, other.decimals), label + " + " + other.label, null);
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value), low.subtract(other.high), high.subtract(other.low),
                Math.max(decimals, other.decimals), label + " − " + other.label, null);
    }

    /** This as a percentage of a positive base: [low/base.high, high/base.low] × 100. */
    public Quantity percentOf(Quantity base) {
        if (base.low.signum() <= 0) {
            throw new ArithmeticException("percentage of a base that may be zero: " + base.label);
        }
        BigDecimal v = value.multiply(HUNDRED).divide(base.value, DIVISION);
        BigDecimal lo = low.multiply(HUNDRED).divide(base.high, DIVISION);
        BigDecimal hi = high.multiply(HUNDRED).divide(base.low, DIVISION);
        return new Quantity(v, lo.min(hi), lo.max(hi), 2, label + " / " + base.label, null);
    }

    /** The same interval with the opposite sign (a decrease as a signed change). */
    public Quantity negate() {
        return new Quantity(value.negate(), high.negate(), low.negate(), decimals, label, evidence);
    }

    /** This interval multiplied by an exact non-negative factor (a conversion, a weight). */
    public Quantity times(BigDecimal factor) {
        return new Quantity(value.multiply(factor), low.multiply(factor), high.multiply(factor), decimals, label,
                evidence);
    }

    /** This interval divided by an exact positive divisor (元 → 万元, a per-vehicle figure). */
    public Quantity dividedBy(BigDecimal divisor) {
        return new Quantity(value.divide(divisor, DIVISION), low.divide(divisor, DIVISION),
                high.divide(divisor, DIVISION), decimals, label, evidence);
    }

    public Quantity withEvidence(Evidence e) {
        return new Quantity(value, low, high, decimals, label, e);
    }

    public Quantity withLabel(String newLabel) {
        return new Quantity(value, low, high, decimals, newLabel, evidence);
    }

    /** The sum of quantities (null for none). */
    public static Quantity sum(java.util.List<Quantity> parts) {
        Quantity sum = null;
        for (Quantity q : parts) {
            sum = sum == null ? q : sum.plus(q);
        }
        return sum;
    }

    public boolean overlaps(Quantity other) {
        return low.compareTo(other.high) <= 0 && other.low.compareTo(high) <= 0;
    }

    /** The gap between two disjoint intervals (zero when they overlap): what rounding cannot explain. */
    public BigDecimal gap(Quantity other) {
        if (overlaps(other)) {
            return BigDecimal.ZERO;
        }
        return low.compareTo(other.high) > 0 ? low.subtract(other.high) : other.low.subtract(high);
    }

    /** One unit of the last printed digit. */
    public BigDecimal unit() {
        return BigDecimal.ONE.movePointLeft(decimals);
    }
}
