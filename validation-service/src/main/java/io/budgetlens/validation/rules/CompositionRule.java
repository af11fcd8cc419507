package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Severity;

/**
 * NAR-001 the parts the narrative lists add up to their whole: “收入预算371.06万元，其中：一般公共预算拨款371.06万元，
 * 政府性基金预算拨款0万元…” (Σ来源 = 收入), functional classes (Σ类 = 支出), 基本支出 + 项目支出 = 支出, 人员经费 + 公用经费
 * = 基本支出, 货物 + 工程 + 服务 = 政府采购. A complete list must equal its whole; a list that may be partial (one
 * class named after 其中) or a final account's 总计 (which also counts the carry-over) can only be less.
 */
public final class CompositionRule extends AbstractRule {

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        Narrative n = Narrative.of(d);
        for (Composition c : Composition.ALL) {
            for (Composition.Run run : n.runs(c)) {
                check(checks, run);
            }
        }
    }

    private static void check(Checks checks, Composition.Run run) {
        Quantity whole = Narrative.value(run.whole());
        List<Quantity> parts = run.parts().stream().map(Narrative::value).toList();
        Quantity sum = Quantity.sum(parts);
        List<Quantity> operands = new ArrayList<>();
        operands.add(whole);
        operands.addAll(parts);
        Comparison cmp;
        if (run.complete()) {
            boolean exceeds = sum.low().compareTo(whole.high()) > 0;
            boolean mayBePartial = run.composition().closedSet().isEmpty();
            cmp = Comparison.of(sum, whole, exceeds || !mayBePartial ? Severity.ERROR : Severity.WARNING);
        } else {
            cmp = Comparison.atMost(sum, whole, false, Severity.ERROR);
        }
        // the parts' names joined only for a list that breaks
        checks.add(cmp, () -> "“" + run.whole().label() + "”" + Findings.plain(run.whole().value()) + "万元,其中所列"
                        + String.join("、", run.parts().stream().map(Fact::label).toList()) + "合计"
                        + Findings.plain(sum.value()) + "万元" + (run.complete() ? ",与总额不符。" : ",超过了总额。"),
                () -> "“" + run.whole().label() + "” is " + Findings.plain(run.whole().value()) + " but the "
                        + run.composition().en() + " listed with it ("
                        + String.join(", ", run.parts().stream().map(Fact::label).toList()) + ") add up to "
                        + Findings.plain(sum.value()) + (run.complete() ? "." : ", more than the whole."),
                operands);
    }
}
