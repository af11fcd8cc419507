package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.PerformanceIndicator;
import io.budgetlens.events.Severity;

/**
 * PERF-001 performance tables add up (docs/domain.md §5 item 10): no indicator scores more than its weight, and a stated total
 * score equals the indicator scores plus the execution-rate score under the table's convention — indicators weighted
 * 90 plus 执行率 10 (sum as printed), or indicators weighted 100 scaled to 90 plus 执行率 10. The projects of the
 * tables add up to 项目支出 (budgets; 全年执行数 in final accounts); a shorter list is INFO (completeness, not error).
 */
public final class PerformanceRule extends AbstractRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (PerformanceEvaluation e : d.performance() == null ? List.<PerformanceEvaluation>of() : d.performance()) {
            String project = e.projectName() == null ? "绩效表" : e.projectName();
            Quantity weights = null;
            Quantity scores = null;
            List<Quantity> operands = new ArrayList<>();
            boolean complete = true;
            for (PerformanceIndicator i : e.indicators()) {
                if (i.weight() == null) {
                    complete = false;
                    continue;
                }
                Quantity w = Quantity.printed(i.weight(), Math.max(0, i.weight().scale()), i.name() + "权重", i.evidence());
                weights = weights == null ? w : weights.plus(w);
                if (i.score() != null) {
                    Quantity s = Quantity.printed(i.score(), Math.max(0, i.score().scale()), i.name() + "得分", i.evidence());
                    scores = scores == null ? s : scores.plus(s);
                    operands.add(s);
                    if (i.score().compareTo(i.weight()) > 0) {
                        Comparison cmp = Comparison.of(w, s, Severity.WARNING);
                        checks.add(cmp, () -> "《" + project + "》指标“" + i.name() + "”得分" + Findings.plain(i.score()) + "超过其权重"
                                        + Findings.plain(i.weight()) + "。",
                                () -> "In " + project + ", indicator " + i.name() + " scores " + Findings.plain(i.score())
                                        + ", more than its weight " + Findings.plain(i.weight()) + ".",
                                List.of(w, s));
                    }
                } else {
                    complete = false;
                }
            }
            if (!complete || scores == null || e.totalScore() == null || e.executionScore() == null) {
                continue;
            }
            Quantity exec = Quantity.printed(e.executionScore(), Math.max(0, e.executionScore().scale()), "执行率得分",
                    null);
            Quantity expected;
            if (weights.value().compareTo(HUNDRED) == 0) {
                Quantity scaled = new Quantity(scores.value().multiply(new BigDecimal("0.9")),
                        scores.low().multiply(new BigDecimal("0.9")), scores.high().multiply(new BigDecimal("0.9")),
                        scores.decimals(), "Σ得分×0.9", null);
                expected = scaled.plus(exec);
            } else {
                // indicators weighted 90 plus 执行率 10, or weights that do not add up (PERF-002 reports them): the
                // scores as printed
                expected = scores.plus(exec);
            }
            Quantity total = Quantity.printed(e.totalScore(), Math.max(0, e.totalScore().scale()), "总分",
                    new Evidence("总分 " + Findings.plain(e.totalScore()), null, null, e.tableId(), null, null, null));
            operands.add(0, total);
            Comparison cmp = Comparison.of(expected, total, Severity.WARNING);
            checks.add(cmp, () -> "《" + project + "》自评总分" + Findings.plain(e.totalScore()) + "与指标得分及执行率得分合计"
                            + Findings.plain(expected.value()) + "不符。",
                    () -> "In " + project + ", the total score " + Findings.plain(e.totalScore())
                            + " does not match the indicator and execution-rate scores, which give "
                            + Findings.plain(expected.value()) + ".",
                    operands);
        }
        projectTotal(d, checks);
    }

    /**
     * The projects of the performance tables against 项目支出: budgets (绩效目标表) in a budget, 全年执行数 in a final
     * account. More than 项目支出 is broken; less is a partial list, a completeness matter reported as INFO.
     */
    private static void projectTotal(DisclosureParsed d, Checks checks) {
        boolean finalAccount = d.meta() != null && d.meta().kind() == DisclosureKind.FINAL_ACCOUNT;
        io.budgetlens.events.Fact project = d.facts() == null ? null : d.facts().stream()
                .filter(f -> "expenditure.project".equals(f.key()) && f.value() != null && "CURRENT".equals(f.basis()))
                .findFirst().orElse(null);
        if (project == null) {
            return;
        }
        Quantity sum = null;
        List<Quantity> operands = new ArrayList<>();
        for (PerformanceEvaluation e : d.performance() == null ? List.<PerformanceEvaluation>of() : d.performance()) {
            BigDecimal amount = finalAccount ? e.executed() : e.budget();
            boolean wholeDepartment = e.projectName() != null && (e.projectName().contains("整体")
                    || e.projectName().equals(d.meta() == null ? null : d.meta().department()));
            if (amount == null || wholeDepartment) {
                continue;
            }
            Quantity q = Quantity.printed(amount, Math.max(0, amount.scale()), e.projectName(),
                    new Evidence(e.projectName() + " " + amount.toPlainString(), null, null, e.tableId(), null, null, null));
            operands.add(q);
            sum = sum == null ? q : sum.plus(q);
        }
        if (sum == null) {
            return;
        }
        Quantity total = Quantity.printed(project.value(), project.decimals(), project.label(), project.evidence());
        operands.add(0, total);
        Comparison cmp = Comparison.of(sum, total, Severity.WARNING);
        if (cmp.broken() && sum.high().compareTo(total.low()) < 0) {
            cmp = new Comparison(sum, total, cmp.verdict(), Severity.INFO, cmp.excess());
        }
        String what = finalAccount ? "全年执行数" : "预算";
        Comparison checked = cmp;
        Quantity listed = sum;
        checks.add(checked,
                () -> "绩效表所列" + (operands.size() - 1) + "个项目的" + what + "合计" + Findings.plain(listed.value()) + "万元,与项目支出"
                        + Findings.plain(total.value()) + "万元不一致"
                        + (checked.severity() == Severity.INFO ? "(未列出全部项目)。" : "。"),
                () -> "The " + (operands.size() - 1) + " projects of the performance tables add up to "
                        + Findings.plain(listed.value()) + ", project expenditure is " + Findings.plain(total.value())
                        + (checked.severity() == Severity.INFO ? " (not every project is listed)." : "."),
                operands);
    }
}
