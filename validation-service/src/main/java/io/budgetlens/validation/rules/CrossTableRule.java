package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Severity;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * XTB-001 the same quantity in two tables is the same number: economic 30108 (养老保险缴费) = functional 2080505,
 * 30109 (职业年金) = 2080506, 30113 (住房公积金) = 2210201 (DOMAIN.md §5.7), each pair compared when both are printed.
 */
public final class CrossTableRule extends AbstractRule {

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("XTB-001", "经济分类与功能分类对应科目一致",
            "Economic and functional items for the same payment agree", "30108 = 2080505; 30109 = 2080506; 30113 = 2210201",
            Category.CROSS_TABLE, Severity.WARNING, Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    static final Map<String, String> PAIRS = Map.of("30108", "2080505", "30109", "2080506", "30113", "2210201");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        Checks checks = new Checks();
        List<DisclosureTable> economic = TableRules.tables(d, "GPB_BASIC_EXPENDITURE");
        List<DisclosureTable> functional = new ArrayList<>(TableRules.tables(d, "GPB_EXPENDITURE"));
        if (functional.isEmpty()) {
            functional.addAll(TableRules.tables(d, "EXPENDITURE"));
        }
        for (DisclosureTable eTable : economic) {
            for (DisclosureTable fTable : functional.subList(0, Math.min(1, functional.size()))) {
                PAIRS.forEach((eCode, fCode) -> {
                    Quantity e = total(eTable, eCode);
                    Quantity f = total(fTable, fCode);
                    if (e == null || f == null) {
                        return;
                    }
                    Comparison cmp = Comparison.of(f, e, DESCRIPTOR.severity());
                    checks.add(cmp, Findings.of(DESCRIPTOR, cmp,
                            "《" + eTable.title() + "》" + e.label() + "为" + Findings.plain(e.value()) + "万元,《"
                                    + fTable.title() + "》对应的" + f.label() + "为" + Findings.plain(f.value()) + "万元。",
                            "Economic item " + e.label() + " (" + Findings.plain(e.value()) + ") and functional item "
                                    + f.label() + " (" + Findings.plain(f.value()) + ") are the same payment but differ.",
                            List.of(e, f)));
                });
            }
        }
        return checks.outcome();
    }

    private static Quantity total(DisclosureTable table, String code) {
        TableColumn total = TableRules.column(table, "TOTAL");
        if (total == null) {
            return null;
        }
        for (TableRow row : table.rows()) {
            if (code.equals(row.code())) {
                return TableRules.cell(table, row, total);
            }
        }
        return null;
    }
}
