package io.budgetlens.validation.rules;

import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * SRC-001 income = Σ sources: in the income table (and the procurement table, which splits each purchase by the same
 * sources), each row's 总计 equals the sum of its source columns.
 */
public final class IncomeSourcesRule extends AbstractRule {

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "INCOME", "PROCUREMENT")) {
            TableColumn total = TableRules.column(table, "TOTAL");
            if (total == null) {
                continue;
            }
            List<TableColumn> sources = table.columns().stream().filter(c -> c.index() > total.index()
                    && c.header() != null && c.header().replace(" ", "").contains("收入")).toList();
            if (sources.isEmpty()) {
                continue;
            }
            for (TableRow row : table.rows()) {
                boolean procurementItem = "PROCUREMENT".equals(table.type()) && total.index() < row.cells().size()
                        && TableRules.isNumber(row.cells().get(total.index()));
                if (!TableRules.isDataRow(row) && !procurementItem) {
                    continue;
                }
                checks.addsUp(TableRules.cell(table, row, total),
                        sources.stream().map(c -> TableRules.cell(table, row, c)).toList(),
                        (t, sum) -> "《" + table.title() + "》" + TableRules.label(row) + "总计" + Findings.plain(t.value())
                                + "万元不等于各收入来源之和" + Findings.plain(sum.value()) + "万元。",
                        (t, sum) -> "In " + table.title() + ", " + TableRules.label(row) + ": total "
                                + Findings.plain(t.value()) + " is not the sum of its sources "
                                + Findings.plain(sum.value()) + ".");
            }
        }
    }
}
