package io.budgetlens.ingest.decode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * Expands an HTML table into a rectangular grid: a cell with rowspan/colspan repeats its text in every position it
 * covers, so each row has one value per column the way the printed table reads. Rows of nested tables are not rows of
 * this table; a nested table's text stays inside its cell. Spans are capped so a hostile page cannot blow up memory.
 */
final class TableGrid {

    static final int MAX_SPAN = 100;
    static final int MAX_COLUMNS = 200;

    private TableGrid() {
    }

    static List<List<String>> of(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") == table) {
                rows.add(row);
            }
        }
        Map<Long, String> cells = new HashMap<>();
        int width = 0;
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Element cell : rows.get(r).children()) {
                if (!"td".equals(cell.tagName()) && !"th".equals(cell.tagName())) {
                    continue;
                }
                while (cells.containsKey(key(r, c))) {
                    c++;
                }
                int rowspan = span(cell.attr("rowspan"));
                int colspan = span(cell.attr("colspan"));
                String text = cell.text().strip();
                for (int dr = 0; dr < rowspan && r + dr < rows.size(); dr++) {
                    for (int dc = 0; dc < colspan && c + dc < MAX_COLUMNS; dc++) {
                        cells.put(key(r + dr, c + dc), text);
                    }
                }
                c += colspan;
                width = Math.min(MAX_COLUMNS, Math.max(width, c));
            }
        }
        List<List<String>> grid = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(width);
            boolean any = false;
            for (int c = 0; c < width; c++) {
                String v = cells.getOrDefault(key(r, c), "");
                any |= !v.isEmpty();
                row.add(v);
            }
            if (any) {
                grid.add(row);
            }
        }
        return grid;
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
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
