package io.budgetlens.validation.rules;

import java.util.List;
import java.util.Set;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Verdict;

/** One accounting check. Rule violations are data (findings), never exceptions. */
public interface Rule {

    RuleDescriptor descriptor();

    Outcome evaluate(DisclosureParsed disclosure);

    /**
     * Verdict of the rule on one document, how many checks it made, the findings of its BROKEN checks, and the
     * evidence of every figure it compared whatever the verdict (what the mutation test changes to measure what the
     * rules catch; empty for rules that do not compare figures).
     */
    record Outcome(Verdict verdict, int checks, List<Finding> findings, Set<Evidence> operands) {

        public Outcome(Verdict verdict, int checks, List<Finding> findings) {
            this(verdict, checks, findings, Set.of());
        }

        public static Outcome notApplicable() {
            return new Outcome(Verdict.NOT_APPLICABLE, 0, List.of());
        }
    }
}
