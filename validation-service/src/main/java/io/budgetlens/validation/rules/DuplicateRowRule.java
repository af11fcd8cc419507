package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.Severity;
import io.budgetlens.events.TableRow;

/** DUP-001 a coded row is printed once per table: the same code with the same cells twice is a duplicated row. */
public final class DuplicateRowRule extends AbstractRule {

    /**
     * Rows of a table without the repeats of an identical coded row (the first occurrence is kept), found once per
     * table in a validation: an unmodifiable list.
     */
    static List<TableRow> withoutDuplicates(DisclosureTable table) {
        return DocumentScope.perObject(DuplicateRowRule.class, table, DuplicateRowRule::dropDuplicates);
    }

    private static List<TableRow> dropDuplicates(DisclosureTable table) {
        Map<String, TableRow> seen = new HashMap<>();
        List<TableRow> out = new ArrayList<>();
        for (TableRow row : table.rows()) {
            if (row.code() == null || seen.putIfAbsent(row.cells().toString(), row) == null) {
                out.add(row);
            }
        }
        return List.copyOf(out);
    }

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "GPB_EXPENDITURE", "EXPENDITURE", "GPB_BASIC_EXPENDITURE",
                "INCOME", "GOVERNMENT_FUND")) {
            Map<String, TableRow> seen = new HashMap<>();
            for (TableRow row : table.rows()) {
                if (row.code() == null) {
                    continue;
                }
                checks.count();
                TableRow first = seen.putIfAbsent(row.cells().toString(), row);
                if (first == null) {
                    continue;
                }
                String label = TableRules.label(row);
                checks.fail(new Finding(descriptor().id(), Severity.WARNING, descriptor().category(),
                        "《" + table.title() + "》第" + (row.index() + 1) + "行重复了第" + (first.index() + 1) + "行(" + label
                                + "),汇总核对时只计一次。",
                        "In " + table.title() + ", row " + (row.index() + 1) + " repeats row " + (first.index() + 1)
                                + " (" + label + "); sums are checked counting it once.",
                        Interval.exact(BigDecimal.ONE), BigDecimal.valueOf(2), BigDecimal.ONE, "rows",
                        List.of(evidence(table, first), evidence(table, row))));
            }
        }
    }

    private static Evidence evidence(DisclosureTable table, TableRow row) {
        return new Evidence(String.join(" | ", row.cells()), row.start(), row.end(), table.id(), row.index(), null, null);
    }
}
