package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * TBL-002 in the tables whose rows carry no classification code (政府采购预算明细表, 机关运行经费支出表), the 合计 row
 * equals the sum of the rows listed under it, in every amount column. Rows nested in levels (Jiangsu's 政府采购预算表:
 * 一、货物 | 专项 | 采购物品) are not added up flat: 合计 = Σ top-level rows, a heading = Σ the item rows right under it,
 * a top-level row = Σ the item rows of its block; a middle level whose heading is printed only once for several
 * groups (merged cells) is not summed on its own.
 */
public final class TotalRowRule extends AbstractRule {

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "PROCUREMENT", "OPERATING_COSTS")) {
            TableColumn first = TableRules.column(table, "TOTAL");
            TableRow total = table.rows().stream().filter(TableRules::isTotalRow).findFirst().orElse(null);
            if (first == null || total == null) {
                continue;
            }
            List<Sum> sums = sums(table, first, total);
            for (TableColumn column : table.columns()) {
                if (column.index() < first.index() || column.role() == null || "NAME".equals(column.role())
                        || "CODE".equals(column.role())) {
                    continue;
                }
                for (Sum s : sums) {
                    check(checks, table, column, s);
                }
            }
        }
        incomeSubtotals(checks, d);
    }

    /**
     * 合计 = Σ top-level rows; each heading directly above a run of item rows = Σ that run; each top-level row = Σ all
     * the item rows of its block. {@code first}: the first amount column, whose printed figures say which rows count.
     */
    private static List<Sum> sums(DisclosureTable table, TableColumn first, TableRow total) {
        List<TableRow> rows = table.rows().stream().filter(r -> r != total && first.index() < r.cells().size()
                && TableRules.isNumber(r.cells().get(first.index()))).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Integer> levels = rows.stream().map(r -> level(table, r, first)).toList();
        int top = levels.stream().mapToInt(Integer::intValue).min().orElseThrow();
        List<TableRow> topRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (levels.get(i) == top) {
                topRows.add(rows.get(i));
            }
        }
        List<Sum> sums = new ArrayList<>(List.of(new Sum(total, topRows, "合计行", "the total row")));
        for (int i = 0; i < rows.size(); i++) {
            if (leaf(levels, i)) {
                continue;
            }
            List<TableRow> run = new ArrayList<>();
            for (int j = i + 1; j < rows.size() && leaf(levels, j); j++) {
                run.add(rows.get(j));
            }
            String name = name(rows.get(i), first);
            if (!run.isEmpty()) {
                sums.add(new Sum(rows.get(i), run, "“" + name + "”行", "“" + name + "”"));
            }
            if (levels.get(i) == top) {
                List<TableRow> block = new ArrayList<>();
                for (int j = i + 1; j < rows.size() && levels.get(j) > top; j++) {
                    if (leaf(levels, j)) {
                        block.add(rows.get(j));
                    }
                }
                if (block.size() > run.size()) {
                    sums.add(new Sum(rows.get(i), block, "“" + name + "”行", "“" + name + "”"));
                }
            }
        }
        return sums;
    }

    /**
     * An income table printed as one column of amounts with its sources in blocks (Jiangsu's 收入预算总表: 一般公共预算资金
     * | 小计, then 公共财政拨款(补助)资金 and 专项收入; 其他资金 | 小计, then 事业收入, 经营收入, 其他收入; … ): each 小计 =
     * Σ the rows of its block (a “其中” row is a part of one of them, not another), and the 总计 = Σ the 小计 rows.
     */
    private void incomeSubtotals(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "INCOME")) {
            List<TableColumn> amounts = table.columns().stream().filter(c -> table.rows().stream().anyMatch(
                    r -> c.index() < r.cells().size() && TableRules.isNumber(r.cells().get(c.index())))).toList();
            if (amounts.size() != 1 || table.rows().stream().noneMatch(TotalRowRule::isSubtotal)) {
                continue;
            }
            TableColumn amount = amounts.get(0);
            TableRow total = null;
            List<TableRow> subtotals = new ArrayList<>();
            List<Sum> sums = new ArrayList<>();
            TableRow block = null;
            List<TableRow> parts = new ArrayList<>();
            for (TableRow row : table.rows()) {
                String words = String.join("", row.cells().subList(0, Math.min(amount.index(), row.cells().size())))
                        .replace(" ", "");
                if (isSubtotal(row)) {
                    addBlock(sums, block, parts, amount);
                    block = row;
                    parts = new ArrayList<>();
                    subtotals.add(row);
                } else if (words.matches(".*(总计|合计)")) {
                    addBlock(sums, block, parts, amount);
                    block = null;
                    total = total == null ? row : total;
                } else if (block != null && !words.isEmpty() && !words.startsWith("其中")
                        && amount.index() < row.cells().size()
                        && TableRules.numericOrBlank(row.cells().get(amount.index()))) {
                    parts.add(row);
                }
            }
            addBlock(sums, block, parts, amount);
            if (total != null) {
                sums.add(new Sum(total, subtotals, "“" + name(total, amount) + "”行", "“" + name(total, amount) + "”"));
            }
            for (Sum sum : sums) {
                check(checks, table, amount, sum);
            }
        }
    }

    private static boolean isSubtotal(TableRow row) {
        return row.cells().stream().anyMatch(c -> c.replace(" ", "").equals("小计"));
    }

    private static void addBlock(List<Sum> sums, TableRow block, List<TableRow> parts, TableColumn amount) {
        if (block != null && !parts.isEmpty()) {
            String name = name(block, amount) + "小计";
            sums.add(new Sum(block, parts, "“" + name + "”行", "“" + name + "”"));
        }
    }

    /** A row and the rows it adds up, with its name in the message. */
    private record Sum(TableRow whole, List<TableRow> parts, String nameZh, String nameEn) {
    }

    private void check(Checks checks, DisclosureTable table, TableColumn column, Sum s) {
        checks.addsUp(TableRules.cell(table, s.whole(), column),
                s.parts().stream().map(r -> TableRules.cell(table, r, column)).toList(),
                (t, sum) -> "《" + table.title() + "》" + s.nameZh() + column.header() + "为" + Findings.plain(t.value())
                        + ",其下" + s.parts().size() + "行合计" + Findings.plain(sum.value()) + "。",
                (t, sum) -> "In " + table.title() + ", " + s.nameEn() + "'s " + column.header() + " is "
                        + Findings.plain(t.value()) + " but its " + s.parts().size() + " rows add up to "
                        + Findings.plain(sum.value()) + ".");
    }

    /**
     * The nesting level of a row: the length of its classification code when every row has one (302 above 30201),
     * otherwise the first label column it prints its name in (Jiangsu's 采购品目大类 | 专项名称 | 经济科目 | 采购物品名称:
     * 一、货物 above a project above its items); a code column is no level of its own.
     */
    private static int level(DisclosureTable table, TableRow row, TableColumn first) {
        if (row.code() != null && table.rows().stream().filter(r -> !TableRules.isTotalRow(r)
                && first.index() < r.cells().size() && TableRules.isNumber(r.cells().get(first.index())))
                .allMatch(r -> r.code() != null)) {
            return row.code().length();
        }
        for (TableColumn c : table.columns()) {
            if (c.index() < first.index() && !"CODE".equals(c.role()) && c.index() < row.cells().size()
                    && !row.cells().get(c.index()).isBlank()) {
                return c.index();
            }
        }
        return first.index();
    }

    /** The name a row prints: its first non-blank label cell. */
    private static String name(TableRow row, TableColumn first) {
        return row.cells().stream().limit(first.index()).map(String::strip).filter(c -> !c.isEmpty()).findFirst()
                .orElse(TableRules.label(row));
    }

    /** A row with nothing nested under it: the last one, or one the next row is not deeper than. */
    private static boolean leaf(List<Integer> levels, int i) {
        return i + 1 >= levels.size() || levels.get(i + 1) <= levels.get(i);
    }
}
