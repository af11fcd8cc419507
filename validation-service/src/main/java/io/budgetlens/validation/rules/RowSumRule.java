package io.budgetlens.validation.rules;

import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * SUM-002 per row: 总计 = 基本支出 + 项目支出 (+ 单位预留机动经费, + 上缴上级支出 / 经营支出 / 对附属单位补助支出 where
 * the table prints those columns), and in the basic-expenditure table 总计 = 人员经费 + 公用经费.
 */
public final class RowSumRule extends AbstractRule {

    /** Columns that are further uses of a row's total besides basic and project expenditure. */
    static final java.util.regex.Pattern OTHER_USES = java.util.regex.Pattern.compile(
            "预留|机动|上缴上级|经营支出|对附属单位");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "GPB_EXPENDITURE", "EXPENDITURE", "GPB_BASIC_EXPENDITURE",
                "GOVERNMENT_FUND")) {
            TableColumn total = TableRules.column(table, "TOTAL");
            TableColumn a = TableRules.column(table, "BASIC") != null ? TableRules.column(table, "BASIC")
                    : TableRules.column(table, "PERSONNEL");
            TableColumn b = TableRules.column(table, "PROJECT") != null ? TableRules.column(table, "PROJECT")
                    : TableRules.column(table, "PUBLIC");
            if (total == null || a == null || b == null) {
                continue;
            }
            // Jiangsu's 单位预留机动经费, a final account's 上缴上级支出 / 经营支出 / 对附属单位补助支出: more uses of the
            // same total, printed beside basic and project
            List<TableColumn> others = "BASIC".equals(a.role()) ? table.columns().stream().filter(c -> c != total
                    && c != a && c != b && c.header() != null && OTHER_USES.matcher(c.header()).find()).toList()
                    : List.of();
            for (TableRow row : table.rows()) {
                if (!TableRules.isDataRow(row)) {
                    continue;
                }
                Quantity t = TableRules.cell(table, row, total);
                Quantity x = TableRules.cell(table, row, a);
                Quantity y = TableRules.cell(table, row, b);
                if (t == null || x == null || y == null) {
                    continue;
                }
                Quantity sum = x.plus(y);
                List<Quantity> operands = new java.util.ArrayList<>(List.of(t, x, y));
                boolean unreadable = false;
                for (TableColumn other : others) {
                    Quantity o = TableRules.cell(table, row, other);
                    if (o == null) {
                        unreadable = true;
                        break;
                    }
                    sum = sum.plus(o);
                    operands.add(o);
                }
                if (unreadable) {
                    continue;
                }
                String more = others.isEmpty() ? "" : " + " + String.join(" + ", others.stream().map(TableColumn::header)
                        .toList());
                String label = TableRules.label(row);
                checks.equal(sum, t,
                        () -> "《" + table.title() + "》" + label + ":" + total.header() + Findings.plain(t.value()) + "万元 ≠ "
                                + a.header() + Findings.plain(x.value()) + " + " + b.header() + Findings.plain(y.value())
                                + more + "万元。",
                        () -> "In " + table.title() + ", " + label + ": " + total.header() + " " + Findings.plain(t.value())
                                + " is not " + a.header() + " " + Findings.plain(x.value()) + " + " + b.header() + " "
                                + Findings.plain(y.value()) + more + ".",
                        operands);
            }
        }
    }
}
