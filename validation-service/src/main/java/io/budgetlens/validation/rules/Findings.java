package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;

/** Builds findings in the contract's shape from a broken comparison, with both messages and every operand's evidence. */
final class Findings {

    private Findings() {
    }

    static Finding of(RuleDescriptor rule, Comparison c, String zh, String en, List<Quantity> operands) {
        List<Evidence> evidence = new ArrayList<>();
        for (Quantity q : operands) {
            if (q.evidence() != null && !evidence.contains(q.evidence())) {
                evidence.add(q.evidence());
            }
        }
        return new Finding(rule.id(), c.severity(), rule.category(), zh, en, c.expectedInterval(), c.actual().value(),
                c.excess(), "万元", evidence);
    }

    /** A figure in a message, as printed (its scale is the printed number of decimals). */
    static String plain(java.math.BigDecimal v) {
        return v.toPlainString();
    }
}
