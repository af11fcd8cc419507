package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Severity;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * TBL-002 in the tables whose rows carry no classification code (政府采购预算明细表, 机关运行经费支出表), the 合计 row
 * equals the sum of the rows listed under it, in every amount column.
 */
public final class TotalRowRule extends AbstractRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("TBL-002", "无编码表格的合计行等于各行之和",
            "The total row of a table without codes is the sum of its rows", "合计行 = Σ明细行 (每一金额列)",
            Category.HIERARCHY, Severity.ERROR, Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        Checks checks = new Checks();
        for (DisclosureTable table : TableRules.tables(d, "PROCUREMENT", "OPERATING_COSTS")) {
            TableColumn first = TableRules.column(table, "TOTAL");
            if (first == null) {
                continue;
            }
            TableRow total = table.rows().stream().filter(TableRules::isTotalRow).findFirst().orElse(null);
            if (total == null) {
                continue;
            }
            List<TableRow> items = table.rows().stream().filter(r -> r != total && first.index() < r.cells().size()
                    && TableRules.isNumber(r.cells().get(first.index()))).toList();
            if (items.isEmpty()) {
                continue;
            }
            for (TableColumn column : table.columns()) {
                if (column.index() < first.index() || column.role() == null || "NAME".equals(column.role())
                        || "CODE".equals(column.role())) {
                    continue;
                }
                Quantity t = TableRules.cell(table, total, column);
                List<Quantity> operands = new ArrayList<>();
                Quantity sum = TableRules.sum(items.stream().map(r -> TableRules.cell(table, r, column)).toList(),
                        operands);
                if (t == null || sum == null) {
                    continue;
                }
                operands.add(0, t);
                Comparison cmp = Comparison.of(sum, t, DESCRIPTOR.severity());
                checks.add(cmp, Findings.of(DESCRIPTOR, cmp,
                        "《" + table.title() + "》合计行" + column.header() + "为" + Findings.plain(t.value()) + ",其下"
                                + items.size() + "行合计" + Findings.plain(sum.value()) + "。",
                        "In " + table.title() + ", the total row's " + column.header() + " is "
                                + Findings.plain(t.value()) + " but its " + items.size() + " rows add up to "
                                + Findings.plain(sum.value()) + ".",
                        operands));
            }
        }
        return checks.outcome();
    }
}
