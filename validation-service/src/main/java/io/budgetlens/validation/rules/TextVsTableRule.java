package io.budgetlens.validation.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.Severity;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * TXT-001 a figure stated in the narrative equals the same quantity in the standard tables: functional 类 totals,
 * basic and project expenditure (合计 row) and the basic-expenditure split, compared at the same fund scope.
 */
public final class TextVsTableRule extends AbstractRule {

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("TXT-001", "正文数字与表格一致",
            "The narrative and the tables state the same figure", "正文金额 = 表中同一科目同一口径的金额",
            Category.TEXT_VS_TABLE, Severity.ERROR, Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    private static final Map<String, FundScope> TABLE_SCOPE = Map.of("EXPENDITURE", FundScope.ALL_FUNDS,
            "GPB_EXPENDITURE", FundScope.GENERAL_PUBLIC_BUDGET, "GPB_BASIC_EXPENDITURE", FundScope.GENERAL_PUBLIC_BUDGET);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        Checks checks = new Checks();
        for (Fact f : d.facts() == null ? List.<Fact>of() : d.facts()) {
            if (f.value() == null || !"CURRENT".equals(f.basis()) || !"万元".equals(f.unit())) {
                continue;
            }
            for (DisclosureTable table : TableRules.tables(d, "EXPENDITURE", "GPB_EXPENDITURE", "GPB_BASIC_EXPENDITURE")) {
                if (TABLE_SCOPE.get(table.type()) != f.scope()) {
                    continue;
                }
                Quantity cell = tableValue(table, f.key());
                if (cell == null) {
                    continue;
                }
                Quantity stated = Quantity.printed(f.value(), f.decimals(), f.label(), f.evidence());
                Comparison cmp = Comparison.of(cell, stated, DESCRIPTOR.severity());
                checks.add(cmp, Findings.of(DESCRIPTOR, cmp,
                        "正文“" + f.label() + "”为" + Findings.plain(f.value()) + "万元,《" + table.title() + "》中为"
                                + Findings.plain(cell.value()) + "万元。",
                        "The narrative states " + f.label() + " = " + Findings.plain(f.value()) + "; " + table.title()
                                + " prints " + Findings.plain(cell.value()) + ".",
                        List.of(stated, cell)));
                break;
            }
        }
        return checks.outcome();
    }

    private static Quantity tableValue(DisclosureTable table, String key) {
        String role;
        java.util.function.Predicate<TableRow> row;
        if (key.startsWith("expenditure.function.")) {
            String code = key.substring("expenditure.function.".length());
            row = r -> code.equals(r.code());
            role = "TOTAL";
        } else {
            row = TableRules::isTotalRow;
            role = switch (key) {
                case "expenditure.basic" -> "GPB_BASIC_EXPENDITURE".equals(table.type()) ? "TOTAL" : "BASIC";
                case "expenditure.project" -> "PROJECT";
                case "expenditure.basic.personnel" -> "PERSONNEL";
                case "expenditure.basic.public" -> "PUBLIC";
                default -> null;
            };
        }
        TableColumn column = role == null ? null : TableRules.column(table, role);
        if (column == null) {
            return null;
        }
        return table.rows().stream().filter(row).findFirst().map(r -> TableRules.cell(table, r, column)).orElse(null);
    }
}
