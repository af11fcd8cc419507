package io.budgetlens.ingest.decode;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Expands an HTML table into a rectangular grid: a cell with rowspan/colspan repeats its text in every position it
 * covers, so each row has one value per column the way the printed table reads. Rows of nested tables are not rows of
 * this table, and its text is not text of the outer cell either: it is read as a table of its own (copying it into
 * every enclosing cell made the text grow with the square of the nesting depth). Spans, columns, the grid's size and a
 * cell's text are capped so a hostile page cannot blow up memory or the text rendered from it.
 */
final class TableGrid {

    static final int MAX_SPAN = 100;
    static final int MAX_COLUMNS = 200;

    private TableGrid() {
    }

    /** Positions (rows × columns) of one table's grid at most: a hostile page cannot make it larger. */
    static final int MAX_CELLS = 20_000;
    /** Rows of one table read at most (a disclosure's longest tables have a few hundred). */
    static final int MAX_ROWS = 2_000;
    /** Characters of one cell's text kept (a printed cell holds a name or a figure; a note is a few hundred). */
    static final int MAX_CELL_TEXT = 1_000;

    static List<List<String>> of(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") == table) {
                rows.add(row);
            }
            if (rows.size() == MAX_ROWS) {
                break;
            }
        }
        int maxRows = rows.size();
        String[][] cells = new String[maxRows][MAX_COLUMNS];
        int width = 0;
        int filled = 0;
        for (int r = 0; r < maxRows && filled < MAX_CELLS; r++) {
            int c = 0;
            for (Element cell : rows.get(r).children()) {
                if (!"td".equals(cell.tagName()) && !"th".equals(cell.tagName())) {
                    continue;
                }
                while (c < MAX_COLUMNS && cells[r][c] != null) {
                    c++;
                }
                if (c >= MAX_COLUMNS) {
                    break;
                }
                int rowspan = span(cell.attr("rowspan"));
                int colspan = span(cell.attr("colspan"));
                String text = text(cell);
                for (int dr = 0; dr < rowspan && r + dr < maxRows; dr++) {
                    for (int dc = 0; dc < colspan && c + dc < MAX_COLUMNS; dc++) {
                        if (cells[r + dr][c + dc] == null) {
                            cells[r + dr][c + dc] = text;
                            filled++;
                        }
                    }
                }
                c += colspan;
                width = Math.min(MAX_COLUMNS, Math.max(width, c));
            }
        }
        List<List<String>> grid = new ArrayList<>();
        for (int r = 0; r < maxRows && (long) (grid.size() + 1) * Math.max(1, width) <= MAX_CELLS; r++) {
            List<String> row = new ArrayList<>(width);
            boolean any = false;
            for (int c = 0; c < width; c++) {
                String v = cells[r][c] == null ? "" : cells[r][c];
                any |= !v.isEmpty();
                row.add(v);
            }
            if (any) {
                grid.add(row);
            }
        }
        return grid;
    }


    /** The cell's text as {@link Element#text()} gives it, without the text of tables nested in it, capped. */
    static String text(Element cell) {
        if (cell.selectFirst("table") == null) {
            return cap(cell.text().strip());
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (out.length() > MAX_CELL_TEXT) {
                    return FilterResult.STOP;
                }
                if (node != cell && node instanceof Element e && "table".equals(e.tagName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || "br".equals(e.tagName()))) {
                    out.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, cell);
        return cap(StringUtil.normaliseWhitespace(out.toString()).strip());
    }

    private static String cap(String text) {
        return text.length() <= MAX_CELL_TEXT ? text : text.substring(0, MAX_CELL_TEXT);
    }

    private static int span(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            return Math.max(1, Math.min(n, MAX_SPAN));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
