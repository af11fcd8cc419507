package io.budgetlens.ingest.parse;

import java.time.Duration;

import io.budgetlens.ingest.decode.ReadStopped;

/**
 * What one document may cost the parser, counted as it reads: characters of text, tables, table cells, figures, and
 * time. A document over a count budget is read up to the budget (the rest is reported as a warning) or, for text,
 * REJECTED; a document over the deadline is REJECTED with a reason that says it can be retried. Counts are
 * deterministic; the deadline is the backstop that keeps a partition moving whatever the input.
 */
public final class ParseBudget {

    /** The budgets of one document. */
    public record Limits(int maxTextChars, int maxTables, int maxCells, int maxFigures, int maxQuoteChars,
                         Duration deadline) {
        /** A department's disclosure: ~50,000 characters, ~20 tables, ~10,000 cells, a few hundred figures. */
        public static final Limits DEFAULT = new Limits(4_000_000, 500, 100_000, 5_000, 300, Duration.ofSeconds(30));
    }

    /** A budget exhausted: its code and a sentence for the sender. */
    public static final class Exceeded extends ReadStopped {
        private final String code;

        Exceeded(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Limits limits;
    private final long deadlineNanos;

    public ParseBudget(Limits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.deadline().toNanos();
    }

    public Limits limits() {
        return limits;
    }

    /** Throws once the document has taken longer than its deadline. */
    public void checkTime() {
        if (System.nanoTime() > deadlineNanos) {
            throw new Exceeded("PARSE_DEADLINE", "reading this document took longer than "
                    + limits.deadline().toSeconds() + " s, so it was stopped (the machine may have been busy: "
                    + "it can be retried, e.g. with POST /api/v1/admin/reparse).");
        }
    }

    /** Throws when the text is longer than the budget. */
    public void checkText(int chars) {
        if (chars > limits.maxTextChars()) {
            throw new Exceeded("PARSE_BUDGET_TEXT", "the document's text has " + chars + " characters; at most "
                    + limits.maxTextChars() + " are read.");
        }
    }
}
