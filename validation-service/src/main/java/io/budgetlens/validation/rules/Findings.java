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

    /**
     * The finding with the tolerance said in words: the interval rounding allows for the expected value and how far the
     * figure found lies beyond it ("按舍入应在a至b之间,超出c" / "rounding allows a to b; off by c beyond it"). Findings
     * without an interval (a missing table, a placeholder) are unchanged.
     */
    static Finding withTolerance(Finding f) {
        if (f.expected() == null || f.expected().low() == null || f.expected().high() == null
                || f.expected().low().compareTo(f.expected().high()) == 0 || f.messageZh().contains("按舍入")) {
            return f;
        }
        String low = plain(f.expected().low());
        String high = plain(f.expected().high());
        int scale = Math.max(f.expected().low().scale(), f.expected().high().scale());
        String excess = f.excess() == null ? "0"
                : plain(f.excess().setScale(Math.max(0, scale), java.math.RoundingMode.HALF_UP).stripTrailingZeros());
        return new Finding(f.ruleId(), f.severity(), f.category(),
                f.messageZh() + "(按舍入应在" + low + "至" + high + "之间,超出" + excess + "。)",
                f.messageEn() + " (Rounding allows " + low + " to " + high + "; off by " + excess + " beyond it.)",
                f.expected(), f.actual(), f.excess(), f.unit(), f.evidence());
    }

    /** A figure in a message, as printed (its scale is the printed number of decimals). */
    static String plain(java.math.BigDecimal v) {
        return v.toPlainString();
    }
}
