package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.Finding;
import io.budgetlens.events.Verdict;

/** Collects the comparisons a rule makes and turns them into its outcome: the worst verdict, the BROKEN findings. */
abstract class AbstractRule implements Rule {

    /** Accumulates checks during one evaluation. */
    static final class Checks {
        private int count;
        private boolean anyRounding;
        private boolean anyBroken;
        private final List<Finding> findings = new ArrayList<>();

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

        Outcome outcome() {
            if (count == 0) {
                return Outcome.notApplicable();
            }
            Verdict verdict = anyBroken ? Verdict.BROKEN : anyRounding ? Verdict.WITHIN_ROUNDING : Verdict.HOLDS;
            return new Outcome(verdict, count, List.copyOf(findings));
        }
    }
}
