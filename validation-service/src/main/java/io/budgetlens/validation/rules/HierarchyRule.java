package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * SUM-001 类 = Σ款, 款 = Σ项, 合计 = Σ类, in every amount column of the classification tables (by function or by
 * economic class, of all funds, of appropriations or of the general budget, and the 机关运行经费 table). A parent whose children are not printed
 * is not checked.
 */
public final class HierarchyRule extends AbstractRule {

    /** The descriptor as a constant, for the scanning loop below. */
    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of(HierarchyRule.class);

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "GPB_EXPENDITURE", "EXPENDITURE", "GPB_BASIC_EXPENDITURE",
                "INCOME", "GOVERNMENT_FUND", "FISCAL_EXPENDITURE", "FISCAL_BASIC_EXPENDITURE", "OPERATING_COSTS")) {
            // A duplicated row is reported once by DUP-001; the sums count it once instead of cascading errors.
            List<TableRow> rows = DuplicateRowRule.withoutDuplicates(table).stream().filter(TableRules::isDataRow)
                    .toList();
            // Two groups side by side (经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | …): the row's code is the
            // first group's; the columns after the second code column belong to the code printed there.
            int secondCode = table.columns().stream().filter(c -> "CODE".equals(c.role())).skip(1)
                    .mapToInt(TableColumn::index).findFirst().orElse(Integer.MAX_VALUE);
            List<TableRow> secondGroup = new ArrayList<>();
            for (TableRow r : DuplicateRowRule.withoutDuplicates(table)) {
                String code = secondCode < r.cells().size() ? r.cells().get(secondCode).strip() : "";
                if (code.matches("\\d{3}|\\d{5}|\\d{7}")) {
                    secondGroup.add(new TableRow(r.index(), code, secondCode + 1 < r.cells().size()
                            ? r.cells().get(secondCode + 1).strip() : null, r.cells(), r.start(), r.end()));
                }
            }
            long valueColumns = table.columns().stream()
                    .filter(c -> !"CODE".equals(c.role()) && !"NAME".equals(c.role())).count();
            for (TableColumn column : table.columns()) {
                // Every amount column adds up: a final account's 决算数 (ACTUAL), a one-amount table's only column.
                if (column.role() == null || !TableRules.AMOUNT_ROLES.contains(column.role())
                        && !column.role().equals("ACTUAL") && !(column.role().equals("OTHER") && valueColumns == 1)) {
                    continue;
                }
                List<TableRow> group = column.index() > secondCode ? secondGroup : rows;
                for (TableRow parent : group) {
                    List<TableRow> children = new ArrayList<>();
                    if (TableRules.isTotalRow(parent)) {
                        group.stream().filter(r -> r.code() != null && r.code().length() == 3).forEach(children::add);
                    } else if (parent.code() != null) {
                        int childLength = parent.code().length() == 3 ? 5 : parent.code().length() == 5 ? 7 : -1;
                        group.stream().filter(r -> r.code() != null && r.code().length() == childLength
                                && r.code().startsWith(parent.code())).forEach(children::add);
                    }
                    if (children.isEmpty()) {
                        continue;
                    }
                    Quantity total = TableRules.cell(table, parent, column);
                    List<Quantity> operands = new ArrayList<>();
                    Quantity sum = TableRules.sum(children.stream().map(c -> TableRules.cell(table, c, column))
                            .toList(), operands);
                    if (total == null || sum == null) {
                        continue;
                    }
                    operands.add(0, total);
                    Comparison cmp = Comparison.of(sum, total, DESCRIPTOR.severity());
                    String label = TableRules.label(parent);
                    checks.add(cmp, Findings.of(DESCRIPTOR, cmp,
                            "《" + table.title() + "》" + label + "的" + column.header() + "为" + Findings.plain(total.value())
                                    + "万元,其下" + children.size() + "项明细合计" + Findings.plain(sum.value()) + "万元。",
                            "In " + table.title() + ", " + label + " / " + column.header() + " is "
                                    + Findings.plain(total.value()) + " but its " + children.size() + " items add up to "
                                    + Findings.plain(sum.value()) + ".",
                            operands));
                }
            }
        }
    }
}
