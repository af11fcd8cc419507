package io.budgetlens.ingest.decode.office;

import java.util.ArrayList;
import java.util.List;

import io.budgetlens.ingest.decode.TextTable;

/**
 * What reading a spreadsheet or Word file gives the parser, the same shape a PDF gives: the text (lines of
 * paragraphs and captions; each table one line per row, cells separated by " | "), the tables as grids with their
 * offsets (and, from a spreadsheet, their sheet and cell references), and notes about what was left out.
 * Offsets are into {@link #text()} (before normalisation).
 */
public record OfficeText(String text, List<TextTable> tables, List<String> notes) {

    /** Builds the text line by line. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<TextTable> tables = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        void line(String line) {
            String clean = oneLine(line);
            if (!clean.isEmpty()) {
                text.append(clean).append('\n');
            }
        }

        /** A table: one line per row; nothing when the grid is empty. */
        void table(List<List<String>> grid, String sheet, List<List<String>> refs) {
            if (grid.isEmpty()) {
                return;
            }
            int start = text.length();
            for (List<String> row : grid) {
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        text.append(" | ");
                    }
                    text.append(row.get(c));
                }
                text.append('\n');
            }
            int end = text.length() - 1;
            tables.add(new TextTable(start, end, List.copyOf(grid.stream().map(List::copyOf).toList()), List.of(),
                    sheet, refs == null ? List.of() : refs.stream().map(List::copyOf).toList()));
        }

        void note(String note) {
            notes.add(note);
        }

        OfficeText build() {
            return new OfficeText(text.toString(), List.copyOf(tables), List.copyOf(notes));
        }
    }

    /**
     * The text of a cell or paragraph on one line: line breaks inside it are joined (without a space between
     * Chinese characters, with one between Latin words), tabs become spaces, the ends are stripped. Public for the
     * table-method benchmark, which joins tabula's cells the same way.
     */
    public static String oneLine(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0
                && s.indexOf('\u000B') < 0) {
            return s.strip();
        }
        StringBuilder out = new StringBuilder(s.length());
        for (String part : s.split("[\\r\\n\\u000B]+")) {
            String p = part.replace('\t', ' ').strip();
            if (p.isEmpty()) {
                continue;
            }
            if (out.length() > 0 && isLatinOrDigit(out.charAt(out.length() - 1)) && isLatinOrDigit(p.charAt(0))) {
                out.append(' ');
            }
            out.append(p);
        }
        return out.toString();
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }
}
