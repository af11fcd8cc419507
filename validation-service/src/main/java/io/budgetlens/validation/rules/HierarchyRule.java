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
 * SUM-001 类 = Σ款, 款 = Σ项, 合计 = Σ类, in every amount column of the classification tables. A parent whose children
 * are not printed is not checked.
 */
public final class HierarchyRule extends AbstractRule {

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("SUM-001", "科目层级合计等于明细之和",
            "Each classification total equals the sum of its items", "类 = Σ款, 款 = Σ项, 合计 = Σ类", Category.HIERARCHY,
            Severity.ERROR, Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        Checks checks = new Checks();
        for (DisclosureTable table : TableRules.tables(d, "GPB_EXPENDITURE", "EXPENDITURE", "GPB_BASIC_EXPENDITURE",
                "INCOME", "GOVERNMENT_FUND")) {
            // A duplicated row is reported once by DUP-001; the sums count it once instead of cascading errors.
            List<TableRow> rows = DuplicateRowRule.withoutDuplicates(table).stream().filter(TableRules::isDataRow)
                    .toList();
            // The items of each row, found once for all the amount columns.
            List<List<TableRow>> itemsOf = new ArrayList<>(rows.size());
            for (TableRow parent : rows) {
                List<TableRow> children = new ArrayList<>();
                if (TableRules.isTotalRow(parent)) {
                    rows.stream().filter(r -> r.code() != null && r.code().length() == 3).forEach(children::add);
                } else if (parent.code() != null) {
                    int childLength = parent.code().length() == 3 ? 5 : parent.code().length() == 5 ? 7 : -1;
                    rows.stream().filter(r -> r.code() != null && r.code().length() == childLength
                            && r.code().startsWith(parent.code())).forEach(children::add);
                }
                itemsOf.add(children);
            }
            for (TableColumn column : table.columns()) {
                if (column.role() == null || !TableRules.AMOUNT_ROLES.contains(column.role())) {
                    continue;
                }
                for (int p = 0; p < rows.size(); p++) {
                    TableRow parent = rows.get(p);
                    List<TableRow> children = itemsOf.get(p);
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
        return checks.outcome();
    }
}
