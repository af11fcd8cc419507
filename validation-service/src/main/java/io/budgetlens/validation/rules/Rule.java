package io.budgetlens.validation.rules;

import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Verdict;

/** One accounting check. Rule violations are data (findings), never exceptions. */
public interface Rule {

    RuleDescriptor descriptor();

    Outcome evaluate(DisclosureParsed disclosure);

    /** Verdict of the rule on one document, how many checks it made, and the findings of its BROKEN checks. */
    record Outcome(Verdict verdict, int checks, List<Finding> findings) {

        public static Outcome notApplicable() {
            return new Outcome(Verdict.NOT_APPLICABLE, 0, List.of());
        }
    }
}
