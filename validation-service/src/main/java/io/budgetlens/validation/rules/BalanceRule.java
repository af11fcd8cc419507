package io.budgetlens.validation.rules;

import java.util.List;
import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Severity;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/** BAL-001 收入总计 = 支出总计: in the income-expenditure total tables (合计 rows) and in the narrative summary. */
public final class BalanceRule extends AbstractRule {

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("BAL-001", "收入总计等于支出总计",
            "Total income equals total expenditure", "收入总计 = 支出总计", Category.BALANCE, Severity.ERROR,
            Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        Checks checks = new Checks();
        for (DisclosureTable table : TableRules.tables(d, "INCOME_EXPENDITURE_TOTAL", "FISCAL_INCOME_EXPENDITURE_TOTAL")) {
            for (TableRow row : table.rows()) {
                List<String> c = row.cells();
                if (c.size() < 4 || !c.get(0).replace(" ", "").matches("(收入)?(合计|总计)")
                        || !c.get(2).replace(" ", "").matches("(支出)?(合计|总计)")) {
                    continue;
                }
                Quantity income = TableRules.cell(table, row, new TableColumn(1, "收入", null));
                Quantity expenditure = TableRules.cell(table, row, new TableColumn(3, "支出", null));
                if (income == null || expenditure == null) {
                    continue;
                }
                Comparison cmp = Comparison.of(income, expenditure, DESCRIPTOR.severity());
                checks.add(cmp, Findings.of(DESCRIPTOR, cmp,
                        "《" + table.title() + "》收入合计" + Findings.plain(income.value()) + "万元与支出合计"
                                + Findings.plain(expenditure.value()) + "万元不相等。",
                        "In " + table.title() + " total income (" + Findings.plain(income.value())
                                + ") differs from total expenditure (" + Findings.plain(expenditure.value()) + ").",
                        List.of(income, expenditure)));
            }
        }
        return checks.outcome();
    }
}
