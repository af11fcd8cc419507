package io.budgetlens.ingest.parse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * The summary: for each summary key the document states, its canonical current-year value in 万元 at the broadest
 * fund scope the document states it (ALL_FUNDS over FISCAL_APPROPRIATION over GENERAL_PUBLIC_BUDGET). Values come from
 * the narrative facts and from the standard tables (合计 rows, 类 rows, the “三公” row; a blank cell there is a stated
 * zero); at equal scope a table value wins, being printed with all its decimals. A key the document does not state is
 * absent, never invented.
 */
public final class SummaryBuilder {

    static final Set<String> KEYS = Set.of("income.total", "expenditure.total", "expenditure.basic",
            "expenditure.project", "expenditure.basic.personnel", "expenditure.basic.public", "three_public.total",
            "three_public.overseas", "three_public.vehicle", "three_public.vehicle_purchase",
            "three_public.vehicle_operation", "three_public.reception", "operating_expenses", "procurement.total");

    private static final Map<String, String> THREE_PUBLIC_ROLES = Map.of("TOTAL", "three_public.total",
            "OVERSEAS", "three_public.overseas", "VEHICLE", "three_public.vehicle",
            "VEHICLE_PURCHASE", "three_public.vehicle_purchase", "VEHICLE_OPERATION", "three_public.vehicle_operation",
            "RECEPTION", "three_public.reception");

    private SummaryBuilder() {
    }

    static boolean isSummaryKey(String key) {
        return KEYS.contains(key) || key.startsWith("expenditure.function.");
    }

    public static Map<String, SummaryEntry> build(List<Fact> facts) {
        return build(facts, List.of());
    }

    public static Map<String, SummaryEntry> build(List<Fact> facts, List<DisclosureTable> tables) {
        Map<String, SummaryEntry> summary = new LinkedHashMap<>();
        for (Fact fact : facts) {
            if (fact.value() == null || !"万元".equals(fact.unit()) || !"CURRENT".equals(fact.basis())
                    || !isSummaryKey(fact.key())) {
                continue;
            }
            offer(summary, fact.key(), new SummaryEntry(fact.value(), fact.scope(), fact.evidence()), false);
        }
        for (DisclosureTable table : tables) {
            if (table.unit() != null && !"万元".equals(table.unit())) {
                continue;
            }
            switch (table.type()) {
                case "EXPENDITURE" -> expenditure(summary, table, FundScope.ALL_FUNDS);
                case "GPB_EXPENDITURE" -> expenditure(summary, table, FundScope.GENERAL_PUBLIC_BUDGET);
                case "GPB_BASIC_EXPENDITURE" -> basic(summary, table);
                case "THREE_PUBLIC" -> threePublic(summary, table);
                default -> { }
            }
        }
        return summary;
    }

    private static void expenditure(Map<String, SummaryEntry> summary, DisclosureTable table, FundScope scope) {
        for (TableRow row : table.rows()) {
            if (isTotalRow(row)) {
                cell(summary, table, row, "TOTAL", "expenditure.total", scope);
                cell(summary, table, row, "BASIC", "expenditure.basic", scope);
                cell(summary, table, row, "PROJECT", "expenditure.project", scope);
            } else if (row.code() != null && row.code().length() == 3 && row.code().startsWith("2")) {
                cell(summary, table, row, "TOTAL", "expenditure.function." + row.code(), scope);
            }
        }
    }

    private static void basic(Map<String, SummaryEntry> summary, DisclosureTable table) {
        for (TableRow row : table.rows()) {
            if (isTotalRow(row)) {
                FundScope gpb = FundScope.GENERAL_PUBLIC_BUDGET;
                cell(summary, table, row, "TOTAL", "expenditure.basic", gpb);
                cell(summary, table, row, "PERSONNEL", "expenditure.basic.personnel", gpb);
                cell(summary, table, row, "PUBLIC", "expenditure.basic.public", gpb);
                return;
            }
        }
    }

    private static void threePublic(Map<String, SummaryEntry> summary, DisclosureTable table) {
        for (TableRow row : table.rows()) {
            boolean data = row.cells().stream().anyMatch(c -> TableReader.NUMBER.matcher(c).matches());
            if (!data || row.cells().size() != table.columns().size()) {
                continue;
            }
            THREE_PUBLIC_ROLES.forEach((role, key) -> cell(summary, table, row, role, key,
                    FundScope.GENERAL_PUBLIC_BUDGET));
            return;
        }
    }

    private static boolean isTotalRow(TableRow row) {
        return row.cells().stream().limit(2).anyMatch(c -> c.replace(" ", "").matches("合计|总计"));
    }

    private static void cell(Map<String, SummaryEntry> summary, DisclosureTable table, TableRow row, String role,
                             String key, FundScope scope) {
        for (TableColumn column : table.columns()) {
            if (!role.equals(column.role()) || column.index() >= row.cells().size()) {
                continue;
            }
            String printed = row.cells().get(column.index()).replace(",", "").strip();
            if (!printed.isEmpty() && !TableReader.NUMBER.matcher(printed).matches()) {
                return;
            }
            BigDecimal value = printed.isEmpty() ? BigDecimal.ZERO : new BigDecimal(printed);
            Evidence evidence = new Evidence(String.join(" | ", row.cells()), row.start(), row.end(), table.id(),
                    row.index(), column.index(), null);
            offer(summary, key, new SummaryEntry(value, scope, evidence), true);
            return;
        }
    }

    private static void offer(Map<String, SummaryEntry> summary, String key, SummaryEntry entry, boolean fromTable) {
        SummaryEntry current = summary.get(key);
        if (current == null || breadth(entry.scope()) > breadth(current.scope())
                || (fromTable && breadth(entry.scope()) == breadth(current.scope()) && current.evidence().tableId() == null)) {
            summary.put(key, entry);
        }
    }

    private static int breadth(FundScope scope) {
        return scope == null ? 0 : switch (scope) {
            case ALL_FUNDS -> 3;
            case FISCAL_APPROPRIATION -> 2;
            case GENERAL_PUBLIC_BUDGET -> 1;
        };
    }
}
