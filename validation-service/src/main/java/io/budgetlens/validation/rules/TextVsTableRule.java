package io.budgetlens.validation.rules;

import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Severity;

/**
 * TXT-001 a figure stated in the narrative equals the same quantity in the standard tables ({@link TextTablePairs}):
 * functional classes, basic and project expenditure and the basic-expenditure split, income and expenditure totals
 * and income sources, the “三公” parts, procurement, the government fund, 机关运行经费 — after converting a table in 元
 * to 万元. A figure off by exactly the factor 10,000 is a wrong unit, reported by UNIT-001 instead.
 */
public final class TextVsTableRule extends AbstractRule {

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (TextTablePairs.Pair p : TextTablePairs.pairs(d)) {
            Quantity stated = Narrative.value(p.fact());
            Comparison cmp = Comparison.of(p.inWanYuan(), stated,
                    p.exactScope() ? descriptor().severity() : Severity.WARNING);
            if (cmp.broken() && UnitRule.wrongUnit(p)) {
                continue;
            }
            String unitNote = Units.inYuan(p.table()) ? "(表中" + Findings.plain(p.printed().value()) + "元)" : "";
            checks.add(cmp,
                    () -> "正文“" + p.fact().label() + "”为" + Findings.plain(p.fact().value()) + "万元,《" + p.table().title()
                            + "》中为" + Findings.plain(p.inWanYuan().value()) + "万元" + unitNote + "。",
                    () -> "The narrative states " + p.fact().label() + " = " + Findings.plain(p.fact().value()) + "; "
                            + p.table().title() + " prints " + Findings.plain(p.inWanYuan().value())
                            + (unitNote.isEmpty() ? "" : " (" + Findings.plain(p.printed().value()) + " yuan)") + ".",
                    List.of(stated, p.inWanYuan()));
        }
    }
}
