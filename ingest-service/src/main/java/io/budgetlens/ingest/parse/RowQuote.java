package io.budgetlens.ingest.parse;

import java.util.List;

/**
 * The quote of a table row as evidence: its cells joined by " | ", at most {@link ParseBudget.Limits#maxQuoteChars()}
 * characters of the default budget (a row of a hostile table can be as long as the table is wide).
 */
final class RowQuote {

    private RowQuote() {
    }

    static String of(List<String> cells) {
        String joined = String.join(" | ", cells);
        int max = ParseBudget.Limits.DEFAULT.maxQuoteChars();
        return joined.length() <= max ? joined : joined.substring(0, max - 1) + "…";
    }
}
