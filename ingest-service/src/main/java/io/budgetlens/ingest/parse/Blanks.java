package io.budgetlens.ingest.parse;

/**
 * A cell or title without its white space, read by hand: what {@code s.replaceAll("\\s+", "")} and
 * {@code s.replaceAll("[\\s\\u3000]+", "")} gave, without compiling or running a pattern for every cell the table
 * readers and the summary squash (several times per cell). The string itself when it holds none.
 * {@code BlanksTest} checks both against their patterns on every sample line and on random text.
 */
final class Blanks {

    private Blanks() {
    }

    /** {@code s.replaceAll("\\s+", "")}: without {@code \s} (space, tab, newline, vertical tab, form feed, CR). */
    static String removed(String s) {
        return removed(s, false);
    }

    /** {@code s.replaceAll("[\\s\\u3000]+", "")}: also without the ideographic space. */
    static String removedWithIdeographic(String s) {
        return removed(s, true);
    }

    private static String removed(String s, boolean ideographic) {
        int n = s.length();
        int first = 0;
        while (first < n && !isBlank(s.charAt(first), ideographic)) {
            first++;
        }
        if (first == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n - 1).append(s, 0, first);
        for (int i = first + 1; i < n; i++) {
            char c = s.charAt(i);
            if (!isBlank(c, ideographic)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isBlank(char c, boolean ideographic) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || ideographic && c == '\u3000';
    }
}
