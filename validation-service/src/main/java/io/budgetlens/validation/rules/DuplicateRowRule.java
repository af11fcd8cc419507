package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.Severity;
import io.budgetlens.events.TableRow;
import io.budgetlens.events.Verdict;

/** DUP-001 a coded row is printed once per table: the same code with the same cells twice is a duplicated row. */
public final class DuplicateRowRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("DUP-001", "表格行重复", "A table row is printed twice",
            "每个科目编码在一张表中只出现一次", Category.DUPLICATE, Severity.WARNING,
            Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Rows of a table without the repeats of an identical coded row (the first occurrence is kept). */
    static List<TableRow> withoutDuplicates(DisclosureTable table) {
        Map<String, TableRow> seen = new HashMap<>();
        List<TableRow> out = new ArrayList<>();
        for (TableRow row : table.rows()) {
            if (row.code() == null || seen.putIfAbsent(row.cells().toString(), row) == null) {
                out.add(row);
            }
        }
        return out;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        int checks = 0;
        List<Finding> findings = new ArrayList<>();
        for (DisclosureTable table : TableRules.tables(d, "GPB_EXPENDITURE", "EXPENDITURE", "GPB_BASIC_EXPENDITURE",
                "INCOME", "GOVERNMENT_FUND")) {
            Map<String, TableRow> seen = new HashMap<>();
            for (TableRow row : table.rows()) {
                if (row.code() == null) {
                    continue;
                }
                checks++;
                TableRow first = seen.putIfAbsent(row.cells().toString(), row);
                if (first == null) {
                    continue;
                }
                String label = TableRules.label(row);
                findings.add(new Finding(DESCRIPTOR.id(), Severity.WARNING, DESCRIPTOR.category(),
                        "《" + table.title() + "》第" + (row.index() + 1) + "行重复了第" + (first.index() + 1) + "行(" + label
                                + "),汇总核对时只计一次。",
                        "In " + table.title() + ", row " + (row.index() + 1) + " repeats row " + (first.index() + 1)
                                + " (" + label + "); sums are checked counting it once.",
                        Interval.exact(BigDecimal.ONE), BigDecimal.valueOf(2), BigDecimal.ONE, "rows",
                        List.of(evidence(table, first), evidence(table, row))));
            }
        }
        if (checks == 0) {
            return Outcome.notApplicable();
        }
        return new Outcome(findings.isEmpty() ? Verdict.HOLDS : Verdict.BROKEN, checks, findings);
    }

    private static Evidence evidence(DisclosureTable table, TableRow row) {
        return new Evidence(String.join(" | ", row.cells()), row.start(), row.end(), table.id(), row.index(), null, null);
    }
}
