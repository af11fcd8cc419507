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
public record Quantity(BigDecimal value, BigDecimal low, BigDecimal high, int decimals, Label name,
                       Evidence evidence) {

    public Quantity(BigDecimal value, BigDecimal low, BigDecimal high, int decimals, String label, Evidence evidence) {
        this(value, low, high, decimals, new Label(label, null, null, null), evidence);
    }

    /** The figure's label; a sum's is its operands' labels joined with " + " (as string concatenation gives them). */
    public String label() {
        return name.text();
    }

    /**
     * A quantity's label: the words of a figure read; for a sum, difference or percentage its operands' labels
     * ({@code left}, and {@code right} a label) joined by {@code op}, for a table cell its row's label, {@code op} and
     * its column's header ({@code right} a string). Joined only when first read: most sums are compared and never
     * printed, and joining every sum's labels was a fifth of what a validation allocated, quadratic in a column's
     * cells. Equal when the texts are.
     */
    static final class Label {
        private final String text;
        private final Label left;
        private final String op;
        private final Object right;
        private String joined;

        Label(String text, Label left, String op, Object right) {
            this.text = text;
            this.left = left;
            this.op = op;
            this.right = right;
        }

        String text() {
            if (op == null) {
                return text;
            }
            String s = joined;
            if (s == null) {
                StringBuilder b = new StringBuilder();
                append(b);
                s = b.toString();
                joined = s;
            }
            return s;
        }

        private void append(StringBuilder b) {
            // a sum of many is left-deep (((a + b) + c) + d): its left spine walked without recursion
            java.util.ArrayDeque<Label> spine = new java.util.ArrayDeque<>();
            Label l = this;
            while (l.left != null && l.joined == null) {
                spine.push(l);
                l = l.left;
            }
            if (l.joined != null) {
                b.append(l.joined);
            } else if (l.op == null) {
                b.append(l.text);
            } else {
                b.append(l.text).append(l.op).append((String) l.right);
            }
            while (!spine.isEmpty()) {
                Label n = spine.pop();
                b.append(n.op);
                ((Label) n.right).append(b);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Label l && java.util.Objects.equals(text(), l.text());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(text());
        }

        @Override
        public String toString() {
            return text();
        }
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
        Label name = new Label(label, null, op, tail);
        if (value.signum() == 0) {
            return new Quantity(value, value, value, decimals, name, evidence);
        }
        BigDecimal half = decimals >= 0 && decimals < HALVES.length ? HALVES[decimals] : half(decimals);
        return new Quantity(value, value.subtract(half), value.add(half), decimals, name, evidence);
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
        return new Quantity(value.add(other.value), low.add(other.low), high.add(other.high),
                Math.max(decimals, other.decimals), new Label(null, name, " + ", other.name), null);
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value), low.subtract(other.high), high.subtract(other.low),
                Math.max(decimals, other.decimals), new Label(null, name, " − ", other.name), null);
    }

    /** This as a percentage of a positive base: [low/base.high, high/base.low] × 100. */
    public Quantity percentOf(Quantity base) {
        if (base.low.signum() <= 0) {
            throw new ArithmeticException("percentage of a base that may be zero: " + base.label());
        }
        BigDecimal v = value.multiply(HUNDRED).divide(base.value, DIVISION);
        BigDecimal lo = low.multiply(HUNDRED).divide(base.high, DIVISION);
        BigDecimal hi = high.multiply(HUNDRED).divide(base.low, DIVISION);
        return new Quantity(v, lo.min(hi), lo.max(hi), 2, new Label(null, name, " / ", base.name), null);
    }

    /** The same interval with the opposite sign (a decrease as a signed change). */
    public Quantity negate() {
        return new Quantity(value.negate(), high.negate(), low.negate(), decimals, name, evidence);
    }

    /** This interval multiplied by an exact non-negative factor (a conversion, a weight). */
    public Quantity times(BigDecimal factor) {
        return new Quantity(value.multiply(factor), low.multiply(factor), high.multiply(factor), decimals, name,
                evidence);
    }

    /** This interval divided by an exact positive divisor (元 → 万元, a per-vehicle figure). */
    public Quantity dividedBy(BigDecimal divisor) {
        return new Quantity(value.divide(divisor, DIVISION), low.divide(divisor, DIVISION),
                high.divide(divisor, DIVISION), decimals, name, evidence);
    }

    public Quantity withEvidence(Evidence e) {
        return new Quantity(value, low, high, decimals, name, e);
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
