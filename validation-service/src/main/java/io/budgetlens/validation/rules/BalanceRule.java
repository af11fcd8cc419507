package io.budgetlens.validation.rules;

import java.util.List;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/** BAL-001 收入总计 = 支出总计: in the income-expenditure total tables (合计 rows) and in the narrative summary. */
public final class BalanceRule extends AbstractRule {

    /** The labels of a total row's income and expenditure cells (compiled once, not by String.matches per row). */
    private static final Pattern INCOME_TOTAL = Pattern.compile("(收入)?(合计|总计)");
    private static final Pattern EXPENDITURE_TOTAL = Pattern.compile("(支出)?(合计|总计)");
    /** A label's numbering ("一、"), compiled once, not by String.replaceFirst per row. */
    private static final Pattern NUMBERING = Pattern.compile("^[一二三四五六七八九十]+、");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "INCOME_EXPENDITURE_TOTAL", "FISCAL_INCOME_EXPENDITURE_TOTAL")) {
            for (TableRow row : table.rows()) {
                List<String> c = row.cells();
                if (c.size() < 4 || !INCOME_TOTAL.matcher(c.get(0).replace(" ", "")).matches()
                        || !EXPENDITURE_TOTAL.matcher(c.get(2).replace(" ", "")).matches()) {
                    continue;
                }
                Quantity income = TableRules.cell(table, row, new TableColumn(1, "收入", null));
                Quantity expenditure = TableRules.cell(table, row, new TableColumn(3, "支出", null));
                if (income == null || expenditure == null) {
                    continue;
                }
                checks.equal(income, expenditure,
                        () -> "《" + table.title() + "》收入合计" + Findings.plain(income.value()) + "万元与支出合计"
                                + Findings.plain(expenditure.value()) + "万元不相等。",
                        () -> "In " + table.title() + " total income (" + Findings.plain(income.value())
                                + ") differs from total expenditure (" + Findings.plain(expenditure.value()) + ").",
                        List.of(income, expenditure));
            }
        }
        carryForward(checks, d);
        finalAccountForms(checks, d);
    }

    /** 收入合计 = 本年收入 + 上年结转 and 支出合计 = 本年支出 + 结转下年, in the fiscal total table (left and right sides). */
    private void carryForward(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "FISCAL_INCOME_EXPENDITURE_TOTAL")) {
            for (int side : new int[] {0, 2}) {
                TableRow year = find(table, side, "一、本年");
                TableRow carried = find(table, side, "二、");
                TableRow total = find(table, side, "合计", "总计");
                if (year == null || carried == null || total == null) {
                    continue;
                }
                TableColumn value = new TableColumn(side + 1, side == 0 ? "收入" : "支出", null);
                Quantity y = TableRules.cell(table, year, value);
                Quantity c = TableRules.cell(table, carried, value);
                Quantity t = TableRules.cell(table, total, value);
                if (y == null || c == null || t == null) {
                    continue;
                }
                String what = side == 0 ? "收入合计" : "支出合计";
                checks.equal(y.plus(c), t, () -> "《" + table.title() + "》" + what + Findings.plain(t.value()) + "万元不等于本年与结转之和"
                                + Findings.plain(y.plus(c).value()) + "万元。",
                        () -> "In " + table.title() + ", " + (side == 0 ? "total income " : "total expenditure ")
                                + Findings.plain(t.value()) + " is not the year's amount plus the carry-over "
                                + Findings.plain(y.plus(c).value()) + ".",
                        List.of(t, y, c));
            }
        }
    }

    /**
     * Final accounts: 收入总计 = 本年收入 + 使用非财政拨款结余 + 年初结转和结余; 支出总计 = 本年支出 + 结余分配 +
     * 年末结转和结余 (rows present in the income-expenditure total tables of a final account).
     */
    private void finalAccountForms(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "INCOME_EXPENDITURE_TOTAL",
                "FISCAL_INCOME_EXPENDITURE_TOTAL")) {
            check(checks, table, 0, "收入总计", "本年收入", "使用非财政拨款结余", "年初结转和结余");
            check(checks, table, 2, "支出总计", "本年支出", "结余分配", "年末结转和结余");
        }
    }

    private void check(Checks checks, DisclosureTable table, int side, String totalLabel, String... parts) {
        TableRow total = exact(table, side, totalLabel);
        if (total == null) {
            return;
        }
        TableColumn value = new TableColumn(side + 1, totalLabel, null);
        Quantity t = TableRules.cell(table, total, value);
        Quantity sum = null;
        List<Quantity> operands = new java.util.ArrayList<>();
        for (String part : parts) {
            TableRow row = exact(table, side, part);
            if (row == null) {
                return;
            }
            Quantity q = TableRules.cell(table, row, value);
            if (q == null) {
                return;
            }
            operands.add(q);
            sum = sum == null ? q : sum.plus(q);
        }
        if (t == null || sum == null) {
            return;
        }
        operands.add(0, t);
        Quantity sumOfParts = sum;
        checks.equal(sum, t,
                () -> "《" + table.title() + "》" + totalLabel + Findings.plain(t.value()) + "万元不等于" + String.join("、", parts)
                        + "之和" + Findings.plain(sumOfParts.value()) + "万元。",
                () -> "In " + table.title() + ", " + totalLabel + " " + Findings.plain(t.value()) + " is not the sum of its parts "
                        + Findings.plain(sumOfParts.value()) + ".",
                operands);
    }

    /** The row whose label on this side, without numbering and spaces, starts with the given words. */
    private static TableRow exact(DisclosureTable table, int side, String label) {
        for (TableRow row : table.rows()) {
            if (row.cells().size() > side + 1 && NUMBERING.matcher(row.cells().get(side).replace(" ", ""))
                    .replaceFirst("").startsWith(label)) {
                return row;
            }
        }
        return null;
    }

    private static TableRow find(DisclosureTable table, int side, String... prefixes) {
        for (TableRow row : table.rows()) {
            if (row.cells().size() <= side + 1) {
                continue;
            }
            String label = row.cells().get(side).replace(" ", "");
            for (String prefix : prefixes) {
                if (label.startsWith(prefix) || (prefix.length() <= 2 && label.endsWith(prefix))) {
                    return row;
                }
            }
        }
        return null;
    }
}
