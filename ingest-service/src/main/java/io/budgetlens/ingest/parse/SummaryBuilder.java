package io.budgetlens.ingest.parse;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** In the order the tables print them, so the summary's keys come in the same order in every run. */
    private static final Map<String, String> THREE_PUBLIC_ROLES = orderedRoles("TOTAL", "three_public.total",
            "OVERSEAS", "three_public.overseas", "VEHICLE", "three_public.vehicle",
            "VEHICLE_PURCHASE", "three_public.vehicle_purchase", "VEHICLE_OPERATION", "three_public.vehicle_operation",
            "RECEPTION", "three_public.reception");

    private static Map<String, String> orderedRoles(String... roleAndKey) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (int i = 0; i < roleAndKey.length; i += 2) {
            roles.put(roleAndKey[i], roleAndKey[i + 1]);
        }
        return Collections.unmodifiableMap(roles);
    }

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
            if (table.unit() != null && !"万元".equals(table.unit()) && !"元".equals(table.unit())) {
                continue;
            }
            switch (table.type()) {
                case "INCOME_EXPENDITURE_TOTAL" -> twoSided(summary, table);
                case "EXPENDITURE" -> expenditure(summary, table, FundScope.ALL_FUNDS);
                case "GPB_EXPENDITURE" -> expenditure(summary, table, FundScope.GENERAL_PUBLIC_BUDGET);
                case "GPB_BASIC_EXPENDITURE" -> basic(summary, table);
                case "THREE_PUBLIC" -> threePublic(summary, table);
                case "OPERATING_COSTS" -> totalOf(summary, table, "operating_expenses", FundScope.GENERAL_PUBLIC_BUDGET);
                case "PROCUREMENT" -> totalOf(summary, table, "procurement.total", FundScope.ALL_FUNDS);
                default -> { }
            }
        }
        return summary;
    }

    /**
     * The two-sided 收支总表: the income side's total (收入总计/合计), the expenditure side's total (支出总计/合计), the
     * expenditure-by-use group (基本支出, 项目支出) and the functional 类 rows named without codes (一、一般公共服务支出).
     */
    private static void twoSided(Map<String, SummaryEntry> summary, DisclosureTable table) {
        Vocabulary vocabulary = Vocabulary.standard();
        for (TableRow row : table.rows()) {
            for (int c = 0; c < row.cells().size(); c++) {
                String label = squash(row.cells().get(c));
                if (label.isEmpty() || CellKind.isNumber(label.replace(",", ""))) {
                    continue;
                }
                int value = valueColumn(row, c, label);
                if (value < 0) {
                    continue;
                }
                String name = "一二三四五六七八九十0123456789".indexOf(label.charAt(0)) < 0 ? label
                        : NUMBERING.matcher(label).replaceFirst("");
                String key = null;
                if (label.equals("收入总计") || label.equals("收入合计") || label.equals("总计") && c < row.cells().size() / 2) {
                    key = "income.total";
                } else if (label.equals("支出总计") || label.equals("支出合计")
                        || label.equals("总计") && c >= row.cells().size() / 2) {
                    key = "expenditure.total";
                } else if (name.equals("基本支出")) {
                    key = "expenditure.basic";
                } else if (name.equals("项目支出")) {
                    key = "expenditure.project";
                } else if (!name.equals(label) && name.endsWith("支出")) {
                    var function = vocabulary.function(name);
                    if (function.isPresent() && function.get().names().stream().anyMatch(name::equals)) {
                        key = "expenditure.function." + function.get().code();
                    }
                }
                if (key != null) {
                    offerCell(summary, table, row, value, key, FundScope.ALL_FUNDS);
                }
                if ("expenditure.total".equals(key) || label.equals("本年支出合计")) {
                    // An expenditure side printed with 人员经费 | 公用经费 | 项目支出 columns.
                    cell(summary, table, row, "PERSONNEL", "expenditure.basic.personnel", FundScope.ALL_FUNDS);
                    cell(summary, table, row, "PUBLIC", "expenditure.basic.public", FundScope.ALL_FUNDS);
                    cell(summary, table, row, "PROJECT", "expenditure.project", FundScope.ALL_FUNDS);
                }
            }
        }
    }

    /** The amount column that belongs to a label in a two-sided row: the next cell right of it that is not the label. */
    private static int valueColumn(TableRow row, int labelAt, String label) {
        for (int c = labelAt + 1; c < row.cells().size(); c++) {
            String cell = squash(row.cells().get(c));
            if (cell.equals(label)) {
                continue;
            }
            return cell.isEmpty() || CellKind.isNumber(cell.replace(",", "")) ? c : -1;
        }
        return -1;
    }

    private static void expenditure(Map<String, SummaryEntry> summary, DisclosureTable table, FundScope scope) {
        List<TableRow> data = dataRows(table);
        for (TableRow row : data) {
            if (isTotalRow(row) || data.size() == 1 && row.name() == null) {
                cell(summary, table, row, "TOTAL", "expenditure.total", scope);
                cell(summary, table, row, "BASIC", "expenditure.basic", scope);
                cell(summary, table, row, "PROJECT", "expenditure.project", scope);
            } else if (row.code() != null && row.code().length() == 3 && row.code().startsWith("2")) {
                cell(summary, table, row, "TOTAL", "expenditure.function." + row.code(), scope);
            }
        }
    }

    private static void basic(Map<String, SummaryEntry> summary, DisclosureTable table) {
        for (TableRow row : dataRows(table)) {
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
        boolean actualColumns = table.columns().stream().anyMatch(c -> "ACTUAL".equals(c.group()));
        for (TableRow row : table.rows()) {
            boolean data = row.cells().stream().anyMatch(c -> CellKind.isNumber(c.replace(",", ""))
                    && !CellKind.isCode(c));
            if (!data || row.cells().size() != table.columns().size()) {
                continue;
            }
            // A final account prints budget and actual: the actual is the year's figure.
            THREE_PUBLIC_ROLES.forEach((role, key) -> cell(summary, table, row, role, key,
                    FundScope.GENERAL_PUBLIC_BUDGET, actualColumns ? "ACTUAL" : null));
            cell(summary, table, row, "OPERATING_COSTS", "operating_expenses", FundScope.GENERAL_PUBLIC_BUDGET,
                    actualColumns ? "ACTUAL" : null);
            return;
        }
        if (table.emptyExplanation() != null) {
            // An empty “三公” table explained as "no 三公 expenditure" states a zero total.
            String title = table.title() == null ? "" : table.title();
            FundScope scope = title.contains("财政拨款") && !title.contains("一般公共预算")
                    ? FundScope.FISCAL_APPROPRIATION : FundScope.GENERAL_PUBLIC_BUDGET;
            offer(summary, "three_public.total", new SummaryEntry(BigDecimal.ZERO, scope,
                    new Evidence(table.emptyExplanation(), null, null, table.id(), null, null, null)), true);
        }
    }

    /** The 合计 row's first amount (機关运行经费, 政府采购 tables). */
    private static void totalOf(Map<String, SummaryEntry> summary, DisclosureTable table, String key, FundScope scope) {
        for (TableRow row : dataRows(table)) {
            if (!isTotalRow(row)) {
                continue;
            }
            for (int c = 0; c < row.cells().size(); c++) {
                String cell = row.cells().get(c).replace(",", "").strip();
                if (!cell.isEmpty() && CellKind.isNumber(cell) && !CellKind.isCode(cell)) {
                    offerCell(summary, table, row, c, key, scope);
                    return;
                }
            }
        }
    }

    /** Rows below the header (from the first row with a code or an amount). */
    private static List<TableRow> dataRows(DisclosureTable table) {
        for (TableRow row : table.rows()) {
            if (TableReader.isDataRow(row.cells())) {
                return table.rows().subList(row.index(), table.rows().size());
            }
        }
        return List.of();
    }

    /** "一、", "3." before a row's name; tried only on a label that begins with a numeral. */
    private static final Pattern NUMBERING = Pattern.compile("^[一二三四五六七八九十]+[、.]|^\\d+[.、]");

    /** A row with 合计 or 总计 in one of its first four cells. */
    private static boolean isTotalRow(TableRow row) {
        int first = Math.min(4, row.cells().size());
        int c = 0;
        while (c < first && !TableReader.isTotalWord(row.cells().get(c))) {
            c++;
        }
        return c < first;
    }

    private static String squash(String s) {
        return Blanks.removedWithIdeographic(s);
    }

    private static void cell(Map<String, SummaryEntry> summary, DisclosureTable table, TableRow row, String role,
                             String key, FundScope scope) {
        cell(summary, table, row, role, key, scope, null);
    }

    private static void cell(Map<String, SummaryEntry> summary, DisclosureTable table, TableRow row, String role,
                             String key, FundScope scope, String group) {
        for (TableColumn column : table.columns()) {
            if (!role.equals(column.role()) || column.index() >= row.cells().size()
                    || group != null && !group.equals(column.group())) {
                continue;
            }
            offerCell(summary, table, row, column.index(), key, scope);
            return;
        }
    }

    /** A table cell as a summary entry: blank is a stated zero; a table in 元 is converted exactly to 万元. */
    private static void offerCell(Map<String, SummaryEntry> summary, DisclosureTable table, TableRow row, int column,
                                  String key, FundScope scope) {
        String printed = row.cells().get(column).replace(",", "").strip();
        if (!printed.isEmpty() && !CellKind.isNumber(printed)) {
            return;
        }
        BigDecimal value = printed.isEmpty() ? BigDecimal.ZERO : new BigDecimal(printed);
        Evidence evidence = new Evidence(RowQuote.of(row.cells()), row.start(), row.end(), table.id(),
                row.index(), column, null);
        if ("元".equals(table.unit())) {
            offer(summary, key, new SummaryEntry(value.movePointLeft(4), scope, evidence, value, "元"), true);
        } else {
            offer(summary, key, new SummaryEntry(value, scope, evidence), true);
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
