package io.budgetlens.validation.rules;

import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;

/**
 * UNIT-001 tables and narrative use their units consistently: a table in 元 (Shanghai's tables often are) states the
 * narrative's 万元 figure within the conversion's rounding, and a table cell that matches the narrative only when its
 * unit is read the other way (the table says 元 and prints 万元 figures, or says 万元 and prints 元) is a unit error.
 */
public final class UnitRule extends AbstractRule {

    /** The cell matches the narrative figure only with the table's unit read the other way. */
    static boolean wrongUnit(TextTablePairs.Pair p) {
        Quantity stated = Narrative.value(p.fact());
        if (p.printed().value().signum() == 0 || Comparison.of(p.inWanYuan(), stated, Severity.ERROR)
                .verdict() != Verdict.BROKEN) {
            return false;
        }
        Quantity other = Units.inYuan(p.table()) ? p.printed() : p.printed().dividedBy(Units.TEN_THOUSAND);
        return Comparison.of(other, stated, Severity.ERROR).verdict() != Verdict.BROKEN;
    }

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (TextTablePairs.Pair p : TextTablePairs.pairs(d)) {
            if (p.row() == null || p.printed().value().signum() == 0) {
                continue;
            }
            Quantity stated = Narrative.value(p.fact());
            boolean wrong = wrongUnit(p);
            String unit = Units.unit(p.table());
            Comparison cmp = wrong
                    ? new Comparison(p.inWanYuan(), stated, Verdict.BROKEN, descriptor().severity(),
                    p.inWanYuan().gap(stated))
                    : new Comparison(p.inWanYuan(), stated, Verdict.HOLDS, null, java.math.BigDecimal.ZERO);
            checks.add(cmp, () -> "《" + p.table().title() + "》标明单位为" + unit + ",其“" + TableRules.label(p.row()) + "”"
                            + Findings.plain(p.printed().value()) + "与正文“" + p.fact().label() + "”"
                            + Findings.plain(p.fact().value()) + "万元只在单位相反时一致:表格单位有误。",
                    () -> p.table().title() + " says its unit is " + unit + ", but its “" + TableRules.label(p.row()) + "” "
                            + Findings.plain(p.printed().value()) + " matches the narrative's “" + p.fact().label() + "” "
                            + Findings.plain(p.fact().value()) + " (10,000 yuan) only with the other unit.",
                    List.of(stated, p.printed()));
        }
    }
}
