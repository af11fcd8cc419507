package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;

/**
 * A rule of the catalogue: its descriptor (the line of catalogue.tsv that names the class) and the one shape of an
 * evaluation — the rule makes its checks on the document ({@link #check}), the collected checks give the outcome: the
 * worst verdict and the findings of the broken checks, NOT_APPLICABLE when the rule found nothing to check.
 */
abstract class AbstractRule implements Rule {

    private final RuleDescriptor descriptor;

    AbstractRule() {
        this.descriptor = RuleDescriptor.of(getClass());
    }

    @Override
    public final RuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Outcome evaluate(DisclosureParsed d) {
        if (!DocumentScope.active(d)) {
            // A rule evaluated on its own (a test) shares what it reads of the document for its own evaluation.
            return DocumentScope.during(d, () -> evaluate(d));
        }
        Checks checks = new Checks(descriptor);
        check(checks, d);
        return checks.outcome();
    }

    /** Makes every check of the rule on one document, adding each to {@code checks}. */
    protected abstract void check(Checks checks, DisclosureParsed d);

    /** Accumulates checks during one evaluation. */
    static final class Checks {
        private final RuleDescriptor rule;
        private int count;
        private boolean anyRounding;
        private boolean anyBroken;
        private final List<Finding> findings = new ArrayList<>();

        Checks(RuleDescriptor rule) {
            this.rule = rule;
        }

        /** A comparison; its finding is kept when it is broken. */
        void add(Comparison c, Finding finding) {
            count++;
            if (c.verdict() == Verdict.WITHIN_ROUNDING) {
                anyRounding = true;
            }
            if (c.broken()) {
                anyBroken = true;
                findings.add(finding);
            }
        }

        /** A comparison with the finding of the rule in the contract's shape ({@link Findings#of}). */
        void add(Comparison c, String zh, String en, List<Quantity> operands) {
            add(c, Findings.of(rule, c, zh, en, operands));
        }

        /** {@link #add(Comparison, Finding)} with the finding made only when the comparison is broken. */
        void add(Comparison c, Supplier<Finding> finding) {
            add(c, c.broken() ? finding.get() : null);
        }

        /** {@link #add(Comparison, String, String, List)} with the words made only for a broken comparison. */
        void add(Comparison c, Supplier<String> zh, Supplier<String> en, List<Quantity> operands) {
            add(c, c.broken() ? Findings.of(rule, c, zh.get(), en.get(), operands) : null);
        }

        /** {@code actual} = {@code expected} within rounding, at the rule's severity; the finding's words if not. */
        void equal(Quantity expected, Quantity actual, String zh, String en, List<Quantity> operands) {
            add(Comparison.of(expected, actual, rule.severity()), zh, en, operands);
        }

        /** {@link #equal(Quantity, Quantity, String, String, List)} with the words made only for a broken check. */
        void equal(Quantity expected, Quantity actual, Supplier<String> zh, Supplier<String> en,
                   List<Quantity> operands) {
            Comparison c = Comparison.of(expected, actual, rule.severity());
            add(c, c.broken() ? Findings.of(rule, c, zh.get(), en.get(), operands) : null);
        }

        /**
         * {@code whole} = Σ {@code parts} within rounding, when the whole and every part are readable (null: a cell
         * that is not a number, and no check); the finding's words are made from the whole and the sum.
         */
        void addsUp(Quantity whole, List<Quantity> parts, BiFunction<Quantity, Quantity, String> zh,
                    BiFunction<Quantity, Quantity, String> en) {
            List<Quantity> operands = new ArrayList<>();
            Quantity sum = TableRules.sum(parts, operands);
            if (whole == null || sum == null) {
                return;
            }
            operands.add(0, whole);
            equal(sum, whole, () -> zh.apply(whole, sum), () -> en.apply(whole, sum), operands);
        }

        /** A check that is not a comparison of figures (a placeholder, a year, a table row); see {@link #fail}. */
        void count() {
            count++;
        }

        /** {@code n} such checks at once. */
        void count(int n) {
            count += n;
        }

        /** A finding of a check counted with {@link #count}: the rule is BROKEN. */
        void fail(Finding finding) {
            anyBroken = true;
            findings.add(finding);
        }

        /** A finding about a passage of the text, with the rule's severity ({@link TextHygiene#at}). */
        void failAt(String zh, String en, String text, int start, int end) {
            fail(TextHygiene.at(rule, rule.severity(), zh, en, text, start, end));
        }

        /** The rule's default severity. */
        Severity severity() {
            return rule.severity();
        }

        Outcome outcome() {
            if (count == 0) {
                return Outcome.notApplicable();
            }
            Verdict verdict = anyBroken ? Verdict.BROKEN : anyRounding ? Verdict.WITHIN_ROUNDING : Verdict.HOLDS;
            return new Outcome(verdict, count, List.copyOf(findings));
        }
    }
}
