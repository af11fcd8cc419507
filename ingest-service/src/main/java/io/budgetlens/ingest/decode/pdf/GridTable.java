package io.budgetlens.ingest.decode.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table read from a ruled grid on one page: rows of cells, each with its text (wrapped lines joined) and the
 * glyphs it came from. A cell spanning columns or rows keeps its text in its top-left position; in header rows
 * (above the first row with an amount) it repeats in every column and row it covers, so each column reads its
 * own heading; in data rows a spanned label repeats across the columns it covers, never an amount and never down.
 */
final class GridTable {

    static final Pattern AMOUNT = Pattern.compile("-?[\\d,]+(\\.\\d+)?%?");
    static final Pattern CODE = Pattern.compile("\\d{3,7}");

    /** One cell position of the grid. */
    static final class Cell {
        String text = "";
        final List<Glyph> glyphs = new ArrayList<>();
        float x0;
        float y0;
        float x1;
        float y1;
        /** The top-left position of the merged cell this position belongs to. */
        int ownerRow;
        int ownerColumn;

        boolean isOwner(int r, int c) {
            return ownerRow == r && ownerColumn == c;
        }
    }

    final int page;
    final Lattice.Grid grid;
    /** rows × columns; rows without any text are dropped (columns are dropped once a table is complete). */
    final List<List<Cell>> rows;
    final float x0;
    final float y0;
    final float x1;
    final float y1;

    private GridTable(int page, Lattice.Grid grid, List<List<Cell>> rows) {
        this.page = page;
        this.grid = grid;
        this.rows = rows;
        this.x0 = grid.x0();
        this.y0 = grid.y0();
        this.x1 = grid.x1();
        this.y1 = grid.y1();
    }

    int width() {
        return rows.isEmpty() ? 0 : rows.get(0).size();
    }

    /** Text of each row's cells, for the grid the parser reads. */
    List<List<String>> texts() {
        List<List<String>> out = new ArrayList<>(rows.size());
        for (List<Cell> row : rows) {
            List<String> texts = new ArrayList<>(row.size());
            for (Cell c : row) {
                texts.add(c.text);
            }
            out.add(texts);
        }
        return out;
    }

    /** Builds the table of one grid from the glyphs inside it (each glyph goes to the cell holding its centre). */
    static GridTable build(int page, Lattice.Grid grid, List<Glyph> inside) {
        float[] ys = grid.rowEdges();
        float[] xs = grid.columnEdges();
        int nr = ys.length - 1;
        int nc = xs.length - 1;
        Cell[][] cells = new Cell[nr][nc];
        DisjointSets merged = new DisjointSets(nr * nc);
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                Cell cell = new Cell();
                cell.x0 = xs[c];
                cell.x1 = xs[c + 1];
                cell.y0 = ys[r];
                cell.y1 = ys[r + 1];
                cells[r][c] = cell;
            }
        }
        for (int r = 0; r < nr; r++) {
            for (int c = 1; c < nc; c++) {
                if (!grid.verticalBorder(c, ys[r], ys[r + 1])) {
                    merged.union(r * nc + c - 1, r * nc + c);
                }
            }
        }
        for (int r = 1; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                if (!grid.horizontalBorder(r, xs[c], xs[c + 1])) {
                    merged.union((r - 1) * nc + c, r * nc + c);
                }
            }
        }
        // Owner of each merged group: its top-left position; the group's box is the union.
        int[] ownerOf = new int[nr * nc];
        java.util.Arrays.fill(ownerOf, -1);
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                int root = merged.find(r * nc + c);
                if (ownerOf[root] < 0) {
                    ownerOf[root] = r * nc + c;
                }
                int owner = ownerOf[root];
                Cell cell = cells[r][c];
                cell.ownerRow = owner / nc;
                cell.ownerColumn = owner % nc;
                Cell o = cells[cell.ownerRow][cell.ownerColumn];
                o.x0 = Math.min(o.x0, xs[c]);
                o.x1 = Math.max(o.x1, xs[c + 1]);
                o.y0 = Math.min(o.y0, ys[r]);
                o.y1 = Math.max(o.y1, ys[r + 1]);
            }
        }
        for (Glyph g : inside) {
            int r = index(ys, g.centerY());
            int c = index(xs, g.centerX());
            if (r < 0 || c < 0) {
                continue;
            }
            Cell cell = cells[r][c];
            cells[cell.ownerRow][cell.ownerColumn].glyphs.add(g);
        }
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                Cell cell = cells[r][c];
                if (cell.isOwner(r, c)) {
                    cell.text = cellText(page, cell.glyphs);
                }
            }
        }
        int firstData = nr;
        for (int r = 0; r < nr && firstData == nr; r++) {
            for (int c = 0; c < nc; c++) {
                Cell cell = cells[r][c];
                if (cell.isOwner(r, c) && isAmount(cell.text) && !(c == 0 && CODE.matcher(cell.text).matches())) {
                    firstData = r;
                    break;
                }
                if (c == 0 && cell.isOwner(r, c) && CODE.matcher(cell.text).matches()) {
                    firstData = r;
                    break;
                }
            }
        }
        // Spans: the grid the parser reads repeats a header's text over what it covers, and a label across columns.
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c < nc; c++) {
                Cell cell = cells[r][c];
                if (cell.isOwner(r, c)) {
                    row.add(cell);
                    continue;
                }
                Cell owner = cells[cell.ownerRow][cell.ownerColumn];
                Cell copy = new Cell();
                copy.x0 = xs[c];
                copy.x1 = xs[c + 1];
                copy.y0 = ys[r];
                copy.y1 = ys[r + 1];
                copy.ownerRow = cell.ownerRow;
                copy.ownerColumn = cell.ownerColumn;
                boolean header = r < firstData;
                boolean sameRow = cell.ownerRow == r;
                if (header || sameRow && !isAmount(owner.text)) {
                    copy.text = owner.text;
                }
                row.add(copy);
            }
            rows.add(row);
        }
        rows.removeIf(row -> row.stream().allMatch(c -> c.text.isEmpty()));
        return new GridTable(page, grid, rows);
    }

    static boolean isAmount(String text) {
        return !text.isEmpty() && AMOUNT.matcher(text).matches() && text.chars().anyMatch(Character::isDigit);
    }

    /** The text of a cell: its lines top to bottom, joined without a break (a name wrapping inside its cell). */
    static String cellText(int page, List<Glyph> glyphs) {
        if (glyphs.isEmpty()) {
            return "";
        }
        List<Glyph> upright = glyphs.stream().filter(Glyph::upright).toList();
        List<TextLine> lines = TextLine.of(page, upright.isEmpty() ? glyphs : upright);
        StringBuilder text = new StringBuilder();
        for (TextLine line : lines) {
            String t = line.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            if (text.length() > 0 && isLatin(text.charAt(text.length() - 1)) && isLatin(t.charAt(0))) {
                text.append(' ');
            }
            text.append(t);
        }
        return text.toString().strip();
    }

    private static boolean isLatin(char c) {
        return c < 0x2E80 && Character.isLetter(c);
    }

    /** The band (between two consecutive edges) holding a coordinate, or -1. */
    private static int index(float[] edges, float v) {
        if (v < edges[0] - Lattice.TOLERANCE || v > edges[edges.length - 1] + Lattice.TOLERANCE) {
            return -1;
        }
        for (int i = 0; i < edges.length - 1; i++) {
            if (v <= edges[i + 1]) {
                return i;
            }
        }
        return edges.length - 2;
    }
}
