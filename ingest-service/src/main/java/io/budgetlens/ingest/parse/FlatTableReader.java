package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds tables that were flattened to one cell per line ("522.61 |", an empty cell as "|"), the shape of text copied
 * from portal pages. Rows are not delimited, so they are inferred: a table starts at its number cell (表一) or at the
 * first cell line; the title is the cell that names a 表 (or the line before), the unit the 单位 cell; the last header
 * row is the run of header cells after the last row-end mark ("支出 | |||": extra pipes end a row) and before the first
 * data cell (a figure or a classification code, with its row label just before it); its length is the column count.
 * Data rows then take that many cells, or end early at a row-end mark, in which case the row's first cell is its label
 * and the remaining cells are the rightmost columns (a label spanning two columns, as in 合计). Without a usable
 * header, rows end only at row-end marks.
 */
final class FlatTableReader {

    static final Pattern TABLE_NUMBER = Pattern.compile("表[一二三四五六七八九十]+");
    static final Pattern UNIT = Pattern.compile("单位\\s*:\\s*(万元|元)");

    private FlatTableReader() {
    }

    /** One flattened cell: its text, whether extra pipes end a row after it, and its line's offsets. */
    record Cell(String text, boolean rowEnd, int start, int end) {
    }

    /** A rebuilt table: title, unit, grid (header rows first) and the text span of each row. */
    record Flat(String title, String unit, List<List<String>> grid, List<int[]> rowSpans, int start, int end) {
    }

    /**
     * The cell of a line that ends in a pipe ("522.61 |", "支出 | |||"), or null: the text before the trailing run of
     * white space and pipes, and a row-end mark when that run holds anything but spaces after its first pipe. What
     * the pattern {@code ^(.*?)\s*\|([\s|]*)$} on the stripped line did, scanned by hand: the pattern was 11 % of the
     * parser's CPU on Rongchang (its lazy group is retried at every character of every line).
     */
    static Cell cell(String line, int start) {
        // [from, to) is line.strip(), read without copying it.
        int from = 0;
        int to = line.length();
        while (from < to && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
            to--;
        }
        int textEnd = to;
        while (textEnd > from && (line.charAt(textEnd - 1) == '|' || isRegexSpace(line.charAt(textEnd - 1)))) {
            textEnd--;
        }
        int pipe = line.indexOf('|', textEnd);
        if (pipe < 0 || pipe >= to || hasLineTerminator(line, from, textEnd)) {
            return null;
        }
        boolean rowEnd = false;
        for (int i = pipe + 1; i < to && !rowEnd; i++) {
            rowEnd = line.charAt(i) != ' ';
        }
        return new Cell(line.substring(from, textEnd).strip(), rowEnd, start, start + line.length());
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Whether [from, end) of the text holds a character the regex {@code .} does not match. */
    private static boolean hasLineTerminator(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** Splits a run of cell lines into tables (at 表一, 表二…) and rebuilds each. */
    static List<Flat> read(List<Cell> run, String titleBefore) {
        List<List<Cell>> segments = new ArrayList<>();
        List<Cell> current = new ArrayList<>();
        for (Cell c : run) {
            if (CellKind.isTableNumber(c.text()) && !current.isEmpty()) {
                segments.add(current);
                current = new ArrayList<>();
            }
            current.add(c);
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        List<Flat> tables = new ArrayList<>();
        for (List<Cell> segment : segments) {
            Flat flat = rebuild(segment, segments.size() == 1 ? titleBefore : null);
            if (flat != null) {
                tables.add(flat);
            }
        }
        return tables;
    }

    private static Flat rebuild(List<Cell> cells, String titleBefore) {
        String title = titleBefore;
        String unit = null;
        int i = 0;
        // Preamble: number cell, layout blanks, title, unit.
        while (i < cells.size()) {
            Cell c = cells.get(i);
            Matcher unitMatch = UNIT.matcher(c.text());
            if (c.text().isEmpty() || CellKind.isTableNumber(c.text())) {
                i++;
            } else if (unitMatch.find()) {
                unit = unitMatch.group(1);
                i++;
            } else if ((c.text().endsWith("表") || c.text().contains("表(")) && title == null || c.text().endsWith("表")) {
                title = c.text();
                i++;
            } else if (title == null && c.rowEnd() && !isData(c.text()) && i + 1 < cells.size()
                    && (cells.get(i + 1).text().isEmpty() || UNIT.matcher(cells.get(i + 1).text()).find())) {
                title = c.text();
                i++;
            } else {
                break;
            }
        }
        if (i >= cells.size()) {
            return null;
        }
        int firstData = -1;
        for (int k = i; k < cells.size(); k++) {
            if (isData(cells.get(k).text())) {
                firstData = k;
                break;
            }
        }
        int headerEnd = firstData < 0 ? cells.size() : firstData;
        if (firstData > i && !cells.get(firstData - 1).rowEnd() && !cells.get(firstData - 1).text().isEmpty()
                && !isData(cells.get(firstData - 1).text())) {
            headerEnd = firstData - 1;
        }
        int lastMark = i - 1;
        for (int k = i; k < headerEnd; k++) {
            if (cells.get(k).rowEnd()) {
                lastMark = k;
            }
        }
        List<List<String>> grid = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        if (lastMark >= i) {
            addRow(grid, spans, cells.subList(i, lastMark + 1), 0);
        }
        int headerCells = headerEnd - (lastMark + 1);
        // Performance tables mix key-value blocks and indicator rows: only row-end marks delimit their rows.
        int width = title != null && title.contains("绩效") ? 0 : headerCells;
        if (headerCells > 0) {
            addRow(grid, spans, cells.subList(lastMark + 1, headerEnd), 0);
        }
        List<Cell> row = new ArrayList<>();
        for (int k = headerEnd; k < cells.size(); k++) {
            Cell c = cells.get(k);
            row.add(c);
            if (c.rowEnd() || (width > 1 && row.size() == width)) {
                addRow(grid, spans, row, width);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            addRow(grid, spans, row, width);
        }
        if (grid.isEmpty()) {
            return null;
        }
        return new Flat(title, unit, grid, spans, cells.get(0).start(), cells.get(cells.size() - 1).end());
    }

    /** Adds a row; a short row (ended by a mark) keeps its label first and its values in the rightmost columns. */
    private static void addRow(List<List<String>> grid, List<int[]> spans, List<Cell> cells, int width) {
        List<String> texts = new ArrayList<>(cells.size());
        boolean empty = true;
        for (Cell c : cells) {
            texts.add(c.text());
            empty &= c.text().isEmpty();
        }
        if (empty) {
            return;
        }
        if (width > 1 && texts.size() > 1 && texts.size() < width && !isData(texts.get(0))) {
            List<String> padded = new ArrayList<>();
            padded.add(texts.get(0));
            for (int k = texts.size(); k < width; k++) {
                padded.add("");
            }
            padded.addAll(texts.subList(1, texts.size()));
            texts = padded;
        }
        grid.add(texts);
        spans.add(new int[] {cells.get(0).start(), cells.get(cells.size() - 1).end()});
    }

    static boolean isData(String text) {
        return CellKind.isCode(text) || CellKind.isNumber(text);
    }
}
