package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Severity;

/**
 * HYG-002 a total that cannot be zero is not zero: a department's income or expenditure total (收入总计, 支出合计,
 * 年初预算数…) stated as 0 万元 while the same document states amounts of that money above zero. A fund's own total
 * (政府性基金预算支出0万元) may well be zero and is not checked.
 */
public final class ZeroTotalRule extends AbstractRule {

    private static final Set<String> TOTALS = Set.of("income.total", "expenditure.total");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        Narrative n = Narrative.of(d);
        for (Fact f : n.facts()) {
            if (!Narrative.isCurrentAmount(f) || !TOTALS.contains(f.key()) || !Narrative.fund(f.label()).isEmpty()) {
                continue;
            }
            checks.count();
            if (f.value().signum() != 0) {
                continue;
            }
            Fact positive = n.facts().stream().filter(p -> Narrative.isCurrentAmount(p) && p.value().signum() > 0
                    && (p.key().startsWith("expenditure.") || p.key().startsWith("income."))
                    && Narrative.fund(p.label()).isEmpty() && n.sameMoney(p.scope(), f.scope())).findFirst()
                    .orElse(null);
            if (positive == null) {
                continue;
            }
            checks.fail(new Finding(descriptor().id(), Severity.WARNING, descriptor().category(),
                    "“" + f.label() + "”为0万元,而同一口径的“" + positive.label() + "”为" + Findings.plain(positive.value())
                            + "万元:总额不可能为零。",
                    "“" + f.label() + "” is 0 while “" + positive.label() + "” of the same money is "
                            + Findings.plain(positive.value()) + ": the total cannot be zero.",
                    io.budgetlens.events.Interval.exact(positive.value()), BigDecimal.ZERO, positive.value(), "万元",
                    List.of(f.evidence(), positive.evidence())));
        }
    }
}
