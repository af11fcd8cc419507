package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Finding;
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
            List<TableRow> unique = DuplicateRowRule.withoutDuplicates(table);
            List<TableRow> rows = new ArrayList<>();
            for (TableRow r : unique) {
                if (TableRules.isDataRow(r)) {
                    rows.add(r);
                }
            }
            // Two groups side by side (经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | …): the row's code is the
            // first group's; the columns after the second code column belong to the code printed there.
            int secondCode = Integer.MAX_VALUE;
            boolean first = true;
            long valueColumns = 0;
            for (TableColumn c : table.columns()) {
                if ("CODE".equals(c.role())) {
                    if (!first && secondCode == Integer.MAX_VALUE) {
                        secondCode = c.index();
                    }
                    first = false;
                } else if (!"NAME".equals(c.role())) {
                    valueColumns++;
                }
            }
            List<TableRow> secondGroup = new ArrayList<>();
            for (TableRow r : unique) {
                String code = secondCode < r.cells().size() ? r.cells().get(secondCode).strip() : "";
                if (isClassCode(code)) {
                    secondGroup.add(new TableRow(r.index(), code, secondCode + 1 < r.cells().size()
                            ? r.cells().get(secondCode + 1).strip() : null, r.cells(), r.start(), r.end()));
                }
            }
            Families firstFamilies = null;
            Families secondFamilies = null;
            for (TableColumn column : table.columns()) {
                // Every amount column adds up: a final account's 决算数 (ACTUAL), a one-amount table's only column.
                if (column.role() == null || !TableRules.AMOUNT_ROLES.contains(column.role())
                        && !column.role().equals("ACTUAL") && !(column.role().equals("OTHER") && valueColumns == 1)) {
                    continue;
                }
                Families families;
                if (column.index() > secondCode) {
                    families = secondFamilies = secondFamilies == null ? new Families(secondGroup) : secondFamilies;
                } else {
                    families = firstFamilies = firstFamilies == null ? new Families(rows) : firstFamilies;
                }
                for (int p = 0; p < families.parents.size(); p++) {
                    check(checks, table, column, families.parents.get(p), families.children.get(p));
                }
            }
        }
    }

    /** {@code \\d{3}|\\d{5}|\\d{7}}: the code of a 类, 款 or 项. */
    private static boolean isClassCode(String code) {
        int n = code.length();
        if (n != 3 && n != 5 && n != 7) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows of a group that have children, each with its children in the group's order: a total row's are the 类
     * (three-digit codes), a 类's the 款 under it (five digits with its code in front), a 款's the 项 (seven digits).
     */
    private static final class Families {
        final List<TableRow> parents = new ArrayList<>();
        final List<List<TableRow>> children = new ArrayList<>();

        Families(List<TableRow> group) {
            List<TableRow> classes = new ArrayList<>();
            // children by their parent's code: a 款 under its 类's three digits, a 项 under its 款's five
            Map<String, List<TableRow>> byParentCode = new HashMap<>();
            for (TableRow r : group) {
                String code = r.code();
                if (code == null) {
                    continue;
                }
                if (code.length() == 3) {
                    classes.add(r);
                } else if (code.length() == 5 || code.length() == 7) {
                    byParentCode.computeIfAbsent(code.substring(0, code.length() - 2), k -> new ArrayList<>()).add(r);
                }
            }
            for (TableRow parent : group) {
                List<TableRow> own;
                if (TableRules.isTotalRow(parent)) {
                    own = classes;
                } else if (parent.code() != null && (parent.code().length() == 3 || parent.code().length() == 5)) {
                    own = byParentCode.getOrDefault(parent.code(), List.of());
                } else {
                    own = List.of();
                }
                if (!own.isEmpty()) {
                    parents.add(parent);
                    children.add(own);
                }
            }
        }
    }

    private static void check(Checks checks, DisclosureTable table, TableColumn column, TableRow parent,
                              List<TableRow> children) {
        Quantity total = TableRules.cell(table, parent, column);
        List<Quantity> cells = new ArrayList<>(children.size());
        for (TableRow c : children) {
            cells.add(TableRules.cell(table, c, column));
        }
        List<Quantity> operands = new ArrayList<>();
        Quantity sum = TableRules.sum(cells, operands);
        if (total == null || sum == null) {
            return;
        }
        operands.add(0, total);
        Comparison cmp = Comparison.of(sum, total, DESCRIPTOR.severity());
        // the finding's words only for a broken check (the others' are never read)
        checks.add(cmp, !cmp.broken() ? null : finding(table, column, parent, children.size(), total, sum, cmp,
                operands));
    }

    private static Finding finding(DisclosureTable table, TableColumn column, TableRow parent, int children,
                                   Quantity total, Quantity sum, Comparison cmp, List<Quantity> operands) {
        String label = TableRules.label(parent);
        return Findings.of(DESCRIPTOR, cmp,
                "《" + table.title() + "》" + label + "的" + column.header() + "为" + Findings.plain(total.value())
                        + "万元,其下" + children + "项明细合计" + Findings.plain(sum.value()) + "万元。",
                "In " + table.title() + ", " + label + " / " + column.header() + " is "
                        + Findings.plain(total.value()) + " but its " + children + " items add up to "
                        + Findings.plain(sum.value()) + ".",
                operands);
    }
}
