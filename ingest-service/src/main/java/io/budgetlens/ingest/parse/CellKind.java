package io.budgetlens.ingest.parse;

/**
 * What a table cell holds, read by hand in one pass over the cell: {@link TableReader#CODE},
 * {@link TableReader#NUMBER}, {@link PerformanceExtractor#DECIMAL} and {@link FlatTableReader#TABLE_NUMBER} matched
 * against the whole cell, without a {@code Matcher}. The table readers ask this of every cell several times (data
 * row, code, name, empty table, summary rows); a matcher created per question was the largest cost of
 * {@code TableReader.build} (Rongchang).
 * {@code CellKindTest} checks each against its pattern on every sample cell and on random cells.
 */
final class CellKind {

    private CellKind() {
    }

    /** {@code \d{3,7}}: a classification code. */
    static boolean isCode(String cell) {
        int n = cell.length();
        return n >= 3 && n <= 7 && digits(cell, 0) == n;
    }

    /**
     * {@code -?\d{1,3}(,\d{3})*(\.\d+)?|-?\d+(\.\d+)?}: a figure, with or without thousands separators, optionally
     * negative and with decimals.
     */
    static boolean isNumber(String cell) {
        int n = cell.length();
        int i = n > 0 && cell.charAt(0) == '-' ? 1 : 0;
        int run = digits(cell, i);
        if (run == 0) {
            return false;
        }
        i += run;
        if (run <= 3) {
            // Thousands groups: “,ddd” each.
            while (i + 3 < n && cell.charAt(i) == ',' && digits(cell, i + 1) == 3) {
                i += 4;
            }
        }
        if (i < n && cell.charAt(i) == '.') {
            int decimals = digits(cell, i + 1);
            if (decimals == 0) {
                return false;
            }
            i += 1 + decimals;
        }
        return i == n;
    }

    /**
     * {@code -?\d+(\.\d+)?} ({@code PerformanceExtractor.DECIMAL}): a figure without thousands separators, which is
     * what {@link #isNumber} reads in a cell without a comma.
     */
    static boolean isDecimal(String cell) {
        return cell.indexOf(',') < 0 && isNumber(cell);
    }

    /** {@code \d{1,2}(\.\d+)?}: a small figure (a score, a weight). */
    static boolean isSmallNumber(String cell) {
        int n = cell.length();
        int run = digits(cell, 0);
        if (run == 0 || run > 2) {
            return false;
        }
        if (run == n) {
            return true;
        }
        return cell.charAt(run) == '.' && digits(cell, run + 1) == n - run - 1 && n - run - 1 > 0;
    }

    /** {@code 表[一二三四五六七八九十]+} ({@code FlatTableReader.TABLE_NUMBER}): the number cell of a flattened table. */
    static boolean isTableNumber(String cell) {
        if (cell.length() < 2 || cell.charAt(0) != '表') {
            return false;
        }
        for (int i = 1; i < cell.length(); i++) {
            if ("一二三四五六七八九十".indexOf(cell.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** How many ASCII digits (what {@code \d} matches) follow {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
