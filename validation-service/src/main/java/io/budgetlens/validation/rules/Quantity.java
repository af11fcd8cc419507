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
public final class Quantity {

    private final BigDecimal value;
    private final BigDecimal low;
    private final BigDecimal high;
    private final int decimals;
    private final Evidence evidence;
    /**
     * The label of a figure read; for a sum, difference or percentage the labels of its operands ({@link #left}, and
     * {@link #right} a quantity) joined by {@link #op}, for a table cell its row's label, {@link #op} and its column's
     * header ({@link #right} a string): made only when {@link #label()} is first read (most sums are compared and never
     * printed: joining every sum's labels was a fifth of what a validation allocated, quadratic in a column's cells).
     */
    private final String label;
    private final Quantity left;
    private final String op;
    private final Object right;
    private String joined;

    public Quantity(BigDecimal value, BigDecimal low, BigDecimal high, int decimals, String label, Evidence evidence) {
        this(value, low, high, decimals, label, null, null, null, evidence);
    }

    private Quantity(BigDecimal value, BigDecimal low, BigDecimal high, int decimals, String label, Quantity left,
                     String op, Object right, Evidence evidence) {
        this.value = value;
        this.low = low;
        this.high = high;
        this.decimals = decimals;
        this.label = label;
        this.left = left;
        this.op = op;
        this.right = right;
        this.evidence = evidence;
    }

    /** The same label as {@code of}'s, joined or not yet. */
    private Quantity(BigDecimal value, BigDecimal low, BigDecimal high, int decimals, Quantity of, Evidence evidence) {
        this(value, low, high, decimals, of.label, of.left, of.op, of.right, evidence);
    }

    /** {@code left.label + op + right.label}, joined when first read. */
    private static Quantity joined(BigDecimal value, BigDecimal low, BigDecimal high, int decimals, Quantity left,
                                   String op, Quantity right) {
        return new Quantity(value, low, high, decimals, null, left, op, right, null);
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimal low() {
        return low;
    }

    public BigDecimal high() {
        return high;
    }

    public int decimals() {
        return decimals;
    }

    public Evidence evidence() {
        return evidence;
    }

    /** The figure's label; a sum's is its operands' labels joined with " + " (as string concatenation gives them). */
    public String label() {
        if (op == null) {
            return label;
        }
        String s = joined;
        if (s == null) {
            StringBuilder b = new StringBuilder();
            appendLabel(b);
            s = b.toString();
            joined = s;
        }
        return s;
    }

    private void appendLabel(StringBuilder b) {
        // a sum of many is left-deep (((a + b) + c) + d): its left spine walked without recursion
        java.util.ArrayDeque<Quantity> spine = new java.util.ArrayDeque<>();
        Quantity q = this;
        while (q.left != null && q.joined == null) {
            spine.push(q);
            q = q.left;
        }
        if (q.joined != null) {
            b.append(q.joined);
        } else if (q.op == null) {
            b.append(q.label);
        } else {
            b.append(q.label).append(q.op).append((String) q.right);
        }
        while (!spine.isEmpty()) {
            Quantity n = spine.pop();
            b.append(n.op);
            ((Quantity) n.right).appendLabel(b);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Quantity q && decimals == q.decimals && java.util.Objects.equals(value, q.value)
                && java.util.Objects.equals(low, q.low) && java.util.Objects.equals(high, q.high)
                && java.util.Objects.equals(label(), q.label())
                && java.util.Objects.equals(evidence, q.evidence);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(value, low, high, decimals, label(), evidence);
    }

    @Override
    public String toString() {
        return "Quantity[value=" + value + ", low=" + low + ", high=" + high + ", decimals=" + decimals + ", label="
                + label() + ", evidence=" + evidence + "]";
    }

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
        return printed(value, decimals, label, null, null, evidence);
    }

    /** {@link #printed}, labelled {@code label + op + tail} when {@code op} is not null (joined when read). */
    private static Quantity printed(BigDecimal value, int decimals, String label, String op, String tail,
                                    Evidence evidence) {
        if (value.signum() == 0) {
            return new Quantity(value, value, value, decimals, label, null, op, tail, evidence);
        }
        BigDecimal half = decimals >= 0 && decimals < HALVES.length ? HALVES[decimals] : half(decimals);
        return new Quantity(value, value.subtract(half), value.add(half), decimals, label, null, op, tail, evidence);
    }

    /** A figure as printed in a table cell or sentence ("1,137.10", "0.5"); blank is a stated zero. */
    public static Quantity parse(String printed, String label, Evidence evidence) {
        return parse(printed, label, null, null, evidence);
    }

    /**
     * A table cell's figure ({@link #parse}) labelled {@code rowLabel + separator + header}, the words joined only when
     * the label is read.
     */
    static Quantity parse(String printed, String rowLabel, String separator, String header, Evidence evidence) {
        String v = printed == null ? "" : printed.replace(",", "").strip();
        if (v.isEmpty()) {
            return printed(BigDecimal.ZERO, 0, rowLabel, separator, header, evidence);
        }
        BigDecimal value = new BigDecimal(v);
        return printed(value, Math.max(0, value.scale()), rowLabel, separator, header, evidence);
    }

    public static Quantity exact(BigDecimal value, String label) {
        return new Quantity(value, value, value, Math.max(0, value.scale()), label, null);
    }

    public boolean isExact() {
        return low.compareTo(high) == 0;
    }

    public Quantity plus(Quantity other) {
        return joined(value.add(other.value), low.add(other.low), high.add(other.high),
                Math.max(decimals, other.decimals), this, " + ", other);
    }

    public Quantity minus(Quantity other) {
        return joined(value.subtract(other.value), low.subtract(other.high), high.subtract(other.low),
                Math.max(decimals, other.decimals), this, " − ", other);
    }

    /** This as a percentage of a positive base: [low/base.high, high/base.low] × 100. */
    public Quantity percentOf(Quantity base) {
        if (base.low.signum() <= 0) {
            throw new ArithmeticException("percentage of a base that may be zero: " + base.label());
        }
        BigDecimal v = value.multiply(HUNDRED).divide(base.value, DIVISION);
        BigDecimal lo = low.multiply(HUNDRED).divide(base.high, DIVISION);
        BigDecimal hi = high.multiply(HUNDRED).divide(base.low, DIVISION);
        return joined(v, lo.min(hi), lo.max(hi), 2, this, " / ", base);
    }

    /** The same interval with the opposite sign (a decrease as a signed change). */
    public Quantity negate() {
        return new Quantity(value.negate(), high.negate(), low.negate(), decimals, this, evidence);
    }

    /** This interval multiplied by an exact non-negative factor (a conversion, a weight). */
    public Quantity times(BigDecimal factor) {
        return new Quantity(value.multiply(factor), low.multiply(factor), high.multiply(factor), decimals, this,
                evidence);
    }

    /** This interval divided by an exact positive divisor (元 → 万元, a per-vehicle figure). */
    public Quantity dividedBy(BigDecimal divisor) {
        return new Quantity(value.divide(divisor, DIVISION), low.divide(divisor, DIVISION),
                high.divide(divisor, DIVISION), decimals, this, evidence);
    }

    public Quantity withEvidence(Evidence e) {
        return new Quantity(value, low, high, decimals, this, e);
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
