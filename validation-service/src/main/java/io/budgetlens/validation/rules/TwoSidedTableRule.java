package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * TBL-001 the income-expenditure total tables (收支总表, 财政拨款收支总表, Jiangsu's three-group 收支预算总表) add up
 * on every side and in every column group: on each side the 合计 (and each numbered section such as 一、本年收入)
 * equals the rows under it; in a row of the expenditure side the 合计 column equals its fund columns (一般公共预算 +
 * 政府性基金 + 国有资本经营); and each functional class of the expenditure side equals the same class in the
 * expenditure tables. Sides are the column groups of {@link TableColumns#groups}.
 */
public final class TwoSidedTableRule extends AbstractRule {

    static final Set<String> TYPES = Set.of("INCOME_EXPENDITURE_TOTAL", "FISCAL_INCOME_EXPENDITURE_TOTAL");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, TYPES.toArray(String[]::new))) {
            for (List<TableColumn> side : TableColumns.groups(table)) {
                TableColumn label = side.get(0);
                List<TableColumn> amounts = side.subList(1, side.size()).stream()
                        .filter(c -> !"NAME".equals(c.role()) && !"CODE".equals(c.role())).toList();
                for (TableColumn column : amounts) {
                    columnSums(checks, table, label, column);
                }
                fundColumns(checks, table, label, amounts);
                functionsAgainstExpenditureTables(checks, d, table, label, amounts);
            }
        }
    }

    private enum Kind { TOTAL, SUBTOTAL, SECTION, ITEM, NONE }

    /** The patterns of {@link #kind}, compiled once (String.matches compiled them for every row read). */
    private static final java.util.regex.Pattern TOTAL_LABEL = java.util.regex.Pattern.compile(".*(合计|总计)");
    private static final java.util.regex.Pattern SUBTOTAL_LABEL = java.util.regex.Pattern.compile(".*小计");
    private static final java.util.regex.Pattern SECTION_LABEL = java.util.regex.Pattern.compile("^[一二三四五六七八九十]+[、.].*");

    /** The kind of a row by the words in its label column, found once per row and column in a validation. */
    private static Kind kind(TableRow row, TableColumn label) {
        int i = label.index();
        if (i >= row.cells().size()) {
            return Kind.NONE;
        }
        Kind[] kinds = DocumentScope.perObject(Kind.class, row, r -> new Kind[r.cells().size()]);
        if (kinds[i] == null) {
            kinds[i] = kindOf(row.cells().get(i));
        }
        return kinds[i];
    }

    private static Kind kindOf(String cell) {
        String text = cell.replace(" ", "");
        if (text.isEmpty()) {
            return Kind.NONE;
        }
        if (TOTAL_LABEL.matcher(text).matches()) {
            return Kind.TOTAL;
        }
        if (SUBTOTAL_LABEL.matcher(text).matches()) {
            return Kind.SUBTOTAL;
        }
        if (SECTION_LABEL.matcher(text).matches()) {
            return Kind.SECTION;
        }
        return Kind.ITEM;
    }

    /**
     * On one side: each numbered section (一、二、…) = Σ the rows under it, up to the next section or the first 小计 or
     * 合计 row (Jiangsu's 当年收入小计 closes the sections; it is no row of the last one); the row that closes the
     * sections = Σ sections; each later 合计/总计 = the closing row + the rows between them (上年结转, 年初结转和结余…).
     * A side without sections: 合计 = Σ its rows, a 小计 not being one of them.
     */
    private void columnSums(Checks checks, DisclosureTable table, TableColumn label, TableColumn column) {
        List<TableRow> rows = table.rows();
        boolean sections = rows.stream().anyMatch(r -> kind(r, label) == Kind.SECTION);
        TableRow total = rows.stream().filter(r -> kind(r, label) == Kind.TOTAL).findFirst().orElse(null);
        if (!sections) {
            if (total != null) {
                sum(checks, table, label, column, total,
                        rows.stream().filter(r -> kind(r, label) == Kind.ITEM).toList());
            }
            return;
        }
        List<TableRow> sectionRows = new ArrayList<>();
        int i = 0;
        for (; i < rows.size(); i++) {
            Kind kind = kind(rows.get(i), label);
            if (kind == Kind.SUBTOTAL || kind == Kind.TOTAL) {
                break;
            }
            if (kind != Kind.SECTION) {
                continue;
            }
            sectionRows.add(rows.get(i));
            List<TableRow> items = new ArrayList<>();
            for (int j = i + 1; j < rows.size() && isOpen(kind(rows.get(j), label)); j++) {
                if (kind(rows.get(j), label) == Kind.ITEM) {
                    items.add(rows.get(j));
                }
            }
            sum(checks, table, label, column, rows.get(i), items);
        }
        if (i == rows.size()) {
            return;
        }
        TableRow closing = rows.get(i);
        sum(checks, table, label, column, closing, sectionRows);
        List<TableRow> after = new ArrayList<>(List.of(closing));
        for (int j = i + 1; j < rows.size(); j++) {
            Kind kind = kind(rows.get(j), label);
            if (kind == Kind.TOTAL) {
                sum(checks, table, label, column, rows.get(j), after);
                after = new ArrayList<>(List.of(rows.get(j)));
            } else if (kind == Kind.ITEM || kind == Kind.SECTION) {
                after.add(rows.get(j));
            }
        }
    }

    /** The row's name, as printed in its label column. */
    private static String name(TableRow row, TableColumn label) {
        return row.cells().get(label.index()).strip();
    }

    /** A row that does not end the section above it. */
    private static boolean isOpen(Kind kind) {
        return kind == Kind.ITEM || kind == Kind.NONE;
    }

    private void sum(Checks checks, DisclosureTable table, TableColumn label, TableColumn column, TableRow whole,
                            List<TableRow> rows) {
        // header rows ("项目 | 预算数") print words where the amounts are
        List<TableRow> items = rows.stream().filter(r -> column.index() >= r.cells().size()
                || TableRules.numericOrBlank(r.cells().get(column.index()))).toList();
        if (items.isEmpty()) {
            return;
        }
        checks.addsUp(mergedAware(table, whole, label, column),
                items.stream().map(r -> TableRules.cell(table, r, column)).toList(),
                (w, sum) -> "《" + table.title() + "》“" + name(whole, label) + "”" + column.header() + "为"
                        + Findings.plain(w.value()) + ",其下" + items.size() + "行合计" + Findings.plain(sum.value()) + "。",
                (w, sum) -> "In " + table.title() + ", “" + name(whole, label) + "” / " + column.header() + " is "
                        + Findings.plain(w.value()) + " but the " + items.size() + " rows under it add up to "
                        + Findings.plain(sum.value()) + ".");
    }

    /**
     * The amount of a total row in one column. A total printed once for a whole side — Jiangsu's 收支预算总表 merges
     * “当年支出小计” across its 功能分类 and 支出用途 groups and prints 13,377.11 once, in the last column — repeats its
     * words in the merged cells; the amount is then the first figure to their right, and every group of the side sums
     * to it.
     */
    private static Quantity mergedAware(DisclosureTable table, TableRow whole, TableColumn label, TableColumn column) {
        Quantity own = TableRules.cell(table, whole, column);
        List<String> cells = whole.cells();
        if (own != null || column.index() >= cells.size() || label.index() >= cells.size()) {
            return own;
        }
        String words = cells.get(label.index()).replace(" ", "");
        if (words.isEmpty() || !cells.get(column.index()).replace(" ", "").equals(words)) {
            return own;
        }
        for (int j = column.index() + 1; j < cells.size(); j++) {
            String cell = cells.get(j).replace(" ", "");
            if (cell.equals(words)) {
                continue;
            }
            if (cell.isEmpty()) {
                return null;
            }
            int index = j;
            TableColumn printed = table.columns().stream().filter(c -> c.index() == index).findFirst().orElse(null);
            return printed == null ? null : TableRules.cell(table, whole, printed);
        }
        return null;
    }

    /** In each row of a side with a 合计 column and two or more fund columns: 合计 = Σ fund columns. */
    private void fundColumns(Checks checks, DisclosureTable table, TableColumn label, List<TableColumn> amounts) {
        TableColumn total = amounts.stream().filter(c -> "TOTAL".equals(c.role())).findFirst().orElse(null);
        List<TableColumn> funds = amounts.stream().filter(c -> c != total && !"BUDGET".equals(c.role())).toList();
        if (total == null || funds.size() < 2) {
            return;
        }
        for (TableRow row : table.rows()) {
            if (kind(row, label) == Kind.NONE) {
                continue;
            }
            checks.addsUp(TableRules.cell(table, row, total),
                    funds.stream().map(c -> TableRules.cell(table, row, c)).toList(),
                    (t, sum) -> "《" + table.title() + "》“" + name(row, label) + "”合计" + Findings.plain(t.value())
                            + "不等于各资金来源之和" + Findings.plain(sum.value()) + "。",
                    (t, sum) -> "In " + table.title() + ", “" + name(row, label) + "”: the total "
                            + Findings.plain(t.value()) + " is not the sum of its fund columns " + Findings.plain(sum.value()) + ".");
        }
    }

    /**
     * A functional class on the expenditure side (一般公共服务支出…) is the 类 row of the same name in the expenditure
     * table of the same money: 财政拨款收支总表's 一般公共预算 column against 一般公共预算财政拨款支出表, 收支总表 against
     * 支出总表.
     */
    private void functionsAgainstExpenditureTables(Checks checks, DisclosureParsed d, DisclosureTable table,
                                                          TableColumn label, List<TableColumn> amounts) {
        boolean fiscal = "FISCAL_INCOME_EXPENDITURE_TOTAL".equals(table.type());
        TableColumn column = fiscal
                ? amounts.stream().filter(c -> "GENERAL_PUBLIC_BUDGET".equals(c.role())).findFirst().orElse(null)
                : amounts.stream().findFirst().orElse(null);
        List<DisclosureTable> expenditure = TableRules.tables(d, fiscal ? "GPB_EXPENDITURE" : "EXPENDITURE");
        if (column == null || expenditure.isEmpty()) {
            return;
        }
        DisclosureTable other = expenditure.get(0);
        TableColumn otherTotal = TableRules.column(other, "TOTAL");
        if (otherTotal == null) {
            return;
        }
        Map<String, TableRow> classes = DocumentScope.perObject(TwoSidedTableRule.class, other,
                TwoSidedTableRule::classesByName);
        for (TableRow row : table.rows()) {
            if (kind(row, label) != Kind.ITEM) {
                continue;
            }
            String name = normalise(row.cells().get(label.index()));
            TableRow match = classes.get(name);
            if (match == null) {
                continue;
            }
            Quantity here = TableRules.cell(table, row, column);
            Quantity there = TableRules.cell(other, match, otherTotal);
            if (here == null || there == null) {
                continue;
            }
            Quantity stated = Units.toWanYuan(table, here);
            Quantity inOther = Units.toWanYuan(other, there);
            checks.equal(inOther, stated,
                    () -> "《" + table.title() + "》“" + row.cells().get(label.index()).strip() + "”为" + Findings.plain(stated.value())
                            + ",《" + other.title() + "》中同一科目为" + Findings.plain(inOther.value()) + "。",
                    () -> "In " + table.title() + ", “" + row.cells().get(label.index()).strip() + "” is "
                            + Findings.plain(stated.value()) + " but " + other.title() + " prints "
                            + Findings.plain(inOther.value()) + " for the same class.",
                    List.of(stated, inOther));
        }
    }

    /** The first 类 row (three-digit code) of each name, without blanks and brackets, in an expenditure table. */
    private static Map<String, TableRow> classesByName(DisclosureTable table) {
        Map<String, TableRow> out = new HashMap<>();
        for (TableRow r : table.rows()) {
            if (r.code() != null && r.code().length() == 3 && r.name() != null) {
                out.putIfAbsent(normalise(r.name()), r);
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern BLANKS_AND_BRACKETS = java.util.regex.Pattern.compile("[\\s()（）]");

    private static String normalise(String name) {
        return name == null ? "" : BLANKS_AND_BRACKETS.matcher(name).replaceAll("");
    }
}
