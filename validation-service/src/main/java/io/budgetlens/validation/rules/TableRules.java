package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/** Access to the numeric cells of parsed tables as quantities with cell evidence. */
final class TableRules {

    static final Set<String> AMOUNT_ROLES = Set.of("TOTAL", "BASIC", "PROJECT", "PERSONNEL", "PUBLIC",
            "GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL", "BUDGET", "OVERSEAS", "VEHICLE",
            "VEHICLE_PURCHASE", "VEHICLE_OPERATION", "RECEPTION");

    private TableRules() {
    }

    static List<DisclosureTable> tables(DisclosureParsed d, String... types) {
        List<DisclosureTable> out = new ArrayList<>();
        for (DisclosureTable t : d.tables() == null ? List.<DisclosureTable>of() : d.tables()) {
            for (String type : types) {
                if (type.equals(t.type()) && t.emptyExplanation() == null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Whether the cell, without its thousands commas and outer blanks, is {@code -?\d+(\.\d+)?} (ASCII digits). */
    static boolean isNumber(String cell) {
        if (cell == null) {
            return false;
        }
        String s = cell.replace(",", "").strip();
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        int digits = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        int fraction = ++i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        return i > fraction && i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean numericOrBlank(String cell) {
        return cell == null || cell.isBlank() || isNumber(cell);
    }

    /**
     * The cell of a row in a column as a quantity (blank = stated zero), or null when it is not a number or is the
     * row's own classification code (a code column mislabelled as an amount column: 205 is no amount of 教育支出).
     */
    static Quantity cell(DisclosureTable table, TableRow row, TableColumn column) {
        return DocumentScope.perObject(RowCells.class, row, RowCells::new).get(table, column);
    }

    /**
     * The cells of one row as {@link #cell} reads them, each read once per validation (the sums of several rules read
     * the same cells): per column index, the column read and its quantity (null: not a number).
     */
    static final class RowCells {
        private final TableRow row;
        private final TableColumn[] columns;
        private final Quantity[] values;
        private DisclosureTable table;
        private String quote;
        private String label;

        RowCells(TableRow row) {
            this.row = row;
            this.columns = new TableColumn[row.cells().size()];
            this.values = new Quantity[row.cells().size()];
        }

        Quantity get(DisclosureTable t, TableColumn column) {
            int i = column.index();
            if (table == null) {
                table = t;
            }
            if (t != table || i < 0 || i >= columns.length) {
                return read(t, row, column, null, null);
            }
            if (columns[i] != column) {
                if (quote == null) {
                    quote = String.join(" | ", row.cells());
                    label = label(row);
                }
                values[i] = read(t, row, column, quote, label);
                columns[i] = column;
            }
            return values[i];
        }
    }

    /** The row's cells joined with " | ", as evidence quotes them (joined once per row in a validation). */
    static String quote(TableRow row) {
        return DocumentScope.perObject(Evidence.class, row, r -> String.join(" | ", r.cells()));
    }

    /**
     * {@link #cell} read afresh; {@code quote}: the row's cells joined, {@code rowLabel}: its {@link #label} (null: made
     * here).
     */
    private static Quantity read(DisclosureTable table, TableRow row, TableColumn column, String quote,
                                 String rowLabel) {
        if (column.index() >= row.cells().size()
                || row.code() != null && row.cells().indexOf(row.code()) == column.index()) {
            return null;
        }
        String printed = row.cells().get(column.index());
        if (!numericOrBlank(printed)) {
            return null;
        }
        Evidence evidence = new Evidence(quote != null ? quote : String.join(" | ", row.cells()), row.start(), row.end(), table.id(),
                row.index(), column.index(), null);
        return Quantity.parse(printed, rowLabel != null ? rowLabel : label(row), "/", column.header(), evidence);
    }

    /**
     * The sum of several cells, with the cells themselves appended to {@code operands}; null when one of them is not a
     * number (the check cannot run).
     */
    static Quantity sum(List<Quantity> cells, List<Quantity> operands) {
        Quantity sum = null;
        for (Quantity q : cells) {
            if (q == null) {
                return null;
            }
            sum = sum == null ? q : sum.plus(q);
        }
        if (sum != null) {
            operands.addAll(cells);
        }
        return sum;
    }

    static String label(TableRow row) {
        if (row.code() != null && row.name() != null) {
            return row.code() + " " + row.name();
        }
        return row.name() != null ? row.name() : "row " + row.index();
    }

    static TableColumn column(DisclosureTable table, String role) {
        return table.columns().stream().filter(c -> role.equals(c.role())).findFirst().orElse(null);
    }

    static boolean isTotalRow(TableRow row) {
        List<String> cells = row.cells();
        for (int i = 0; i < Math.min(2, cells.size()); i++) {
            String c = cells.get(i).replace(" ", "");
            if (c.equals("合计") || c.equals("总计")) {
                return true;
            }
        }
        return false;
    }

    /** Rows that hold data (a code, or a total row). */
    static boolean isDataRow(TableRow row) {
        return row.code() != null || isTotalRow(row);
    }
}
