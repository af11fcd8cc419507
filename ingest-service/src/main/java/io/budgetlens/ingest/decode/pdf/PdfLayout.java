package io.budgetlens.ingest.decode.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.budgetlens.events.Box;
import io.budgetlens.ingest.decode.TextTable;

/**
 * Turns the glyphs and rulings of every page into the text the parser reads, the way a careful reader reads the
 * printed pages: ruled tables become grids (one text line per row, a table continued on the next page with its
 * header repeated becomes one table); the other glyphs become lines, top to bottom; a paragraph wrapped over lines or
 * pages becomes one line; running headers, footers and page numbers are left out.
 */
final class PdfLayout {

    /** Headings and list items start a new paragraph even when the line before is full. */
    static final Pattern HEADING = Pattern.compile("^\\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]"
            + "|[(（][一二三四五六七八九十\\d]+[)）]|\\d{1,2}[、.．](?!\\d{1,2}(?!\\d))|附件|附表|目\\s*录|公开\\d+表|注[:：])");
    /** A line that is only a page number: "3", "- 3 -", "第3页", "3/24", "第 3 页 共 24 页". */
    static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–_·\\s]*(第\\s*)?\\d{1,4}(\\s*页)?(\\s*[/／]\\s*\\d{1,4}"
            + "|\\s*共\\s*\\d{1,4}\\s*页)?[-—–_·\\s]*$");
    /** Share of the page height at the top and bottom where running headers and footers are printed. */
    static final float MARGIN_ZONE = 0.1f;
    /** Beyond this many rulings on one page the lattice analysis is skipped (a drawing, not a table). */
    static final int MAX_RULINGS = 5_000;

    private PdfLayout() {
    }

    /** A line or a table of one page, in reading order. */
    private sealed interface Item permits LineItem, TableItem {
        float top();
    }

    private record LineItem(TextLine line) implements Item {
        public float top() {
            return line.y0;
        }
    }

    /** A table; several parts when it continues over pages. */
    private record TableItem(List<GridTable> parts) implements Item {
        public float top() {
            return parts.get(0).y0;
        }
    }

    /** One page after analysis. */
    private record PageItems(PageGeometry geometry, List<Item> items, float left, float right) {
    }

    static PdfText layout(List<PageCollector.Page> pages) {
        List<PageItems> analysed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (PageCollector.Page page : pages) {
            analysed.add(analyse(page, notes));
        }
        removeRunningText(analysed);
        mergeContinuedTables(analysed);
        return assemble(analysed, notes);
    }

    private static PageItems analyse(PageCollector.Page page, List<String> notes) {
        int number = page.geometry().number();
        List<Glyph> glyphs = dedupe(page.glyphs());
        List<Lattice.Grid> grids = page.rulings().size() > MAX_RULINGS ? List.of() : Lattice.grids(page.rulings());
        if (page.rulings().size() > MAX_RULINGS) {
            notes.add("Page " + number + " has " + page.rulings().size() + " drawn lines; its tables were read as text.");
        }
        List<Item> items = new ArrayList<>();
        boolean[] used = new boolean[glyphs.size()];
        for (Lattice.Grid grid : grids) {
            List<Glyph> inside = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < glyphs.size(); i++) {
                Glyph g = glyphs.get(i);
                if (!used[i] && grid.contains(g.centerX(), g.centerY())) {
                    inside.add(g);
                    indexes.add(i);
                }
            }
            GridTable table = GridTable.build(number, grid, inside);
            if (table.rows.size() >= 2 && table.width() >= 2) {
                items.add(new TableItem(new ArrayList<>(List.of(table))));
                indexes.forEach(i -> used[i] = true);
            }
        }
        List<Glyph> rest = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            if (!used[i] && glyphs.get(i).upright()) {
                rest.add(glyphs.get(i));
            }
        }
        List<TextLine> lines = TextLine.of(number, rest);
        lines.forEach(l -> items.add(new LineItem(l)));
        items.sort(Comparator.comparingDouble(Item::top));
        float[] x0s = sorted(lines, true);
        float[] x1s = sorted(lines, false);
        float left = x0s.length == 0 ? 0 : x0s[x0s.length / 10];
        float right = x1s.length == 0 ? page.geometry().displayWidth() : x1s[(x1s.length * 9) / 10];
        return new PageItems(page.geometry(), items, left, right);
    }

    /** The same character drawn twice at the same place (fake bold, shadows) is one character. */
    static List<Glyph> dedupe(List<Glyph> glyphs) {
        Set<String> seen = new HashSet<>();
        List<Glyph> out = new ArrayList<>(glyphs.size());
        for (Glyph g : glyphs) {
            String key = g.text() + "@" + Math.round(g.x0()) + "," + Math.round(g.y0());
            if (g.isBlank() || seen.add(key)) {
                out.add(g);
            }
        }
        return out;
    }

    /**
     * Running headers and footers: lines in the top or bottom margin zone whose text (digits aside) comes back on at
     * least two pages and on 40 % of them; and page numbers in those zones.
     */
    private static void removeRunningText(List<PageItems> pages) {
        Map<String, Integer> counts = new HashMap<>();
        for (PageItems page : pages) {
            Set<String> onPage = new HashSet<>();
            for (Item item : page.items()) {
                if (item instanceof LineItem li && inMargin(page.geometry(), li.line())) {
                    onPage.add(key(li.line().text()));
                }
            }
            onPage.forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        int threshold = Math.max(2, (int) Math.ceil(pages.size() * 0.4));
        for (PageItems page : pages) {
            page.items().removeIf(item -> item instanceof LineItem li && inMargin(page.geometry(), li.line())
                    && (PAGE_NUMBER.matcher(li.line().text()).matches()
                    || pages.size() >= 3 && counts.getOrDefault(key(li.line().text()), 0) >= threshold));
        }
    }

    private static boolean inMargin(PageGeometry geometry, TextLine line) {
        float h = geometry.displayHeight();
        return line.y1 <= h * MARGIN_ZONE || line.y0 >= h * (1 - MARGIN_ZONE);
    }

    private static String key(String text) {
        return text.replaceAll("\\s+", "").replaceAll("\\d+", "#");
    }

    /**
     * A table that ends its page and a table that starts the next one with the same columns are one table; the
     * continuation's repeated header rows are dropped.
     */
    private static void mergeContinuedTables(List<PageItems> pages) {
        for (int p = 1; p < pages.size(); p++) {
            List<Item> before = pages.get(p - 1).items();
            List<Item> here = pages.get(p).items();
            if (before.isEmpty() || here.isEmpty()) {
                continue;
            }
            if (!(before.get(before.size() - 1) instanceof TableItem previous)
                    || !(here.get(0) instanceof TableItem next)) {
                continue;
            }
            GridTable last = previous.parts().get(previous.parts().size() - 1);
            GridTable first = next.parts().get(0);
            if (!sameColumns(last, first)) {
                continue;
            }
            GridTable head = previous.parts().get(0);
            int header = headerRows(head);
            int repeated = 0;
            while (repeated < header && repeated < first.rows.size()
                    && rowText(first, repeated).equals(rowText(head, repeated))) {
                repeated++;
            }
            if (repeated > 0) {
                first.rows.subList(0, repeated).clear();
            }
            previous.parts().addAll(next.parts());
            here.remove(0);
        }
    }

    private static boolean sameColumns(GridTable a, GridTable b) {
        if (a.width() != b.width() || a.width() == 0) {
            return false;
        }
        for (int c = 0; c < a.width(); c++) {
            float ax = a.rows.get(0).get(c).x0 - a.x0;
            float bx = b.rows.get(0).get(c).x0 - b.x0;
            if (Math.abs(ax - bx) > 4f) {
                return false;
            }
        }
        return true;
    }

    private static int headerRows(GridTable t) {
        for (int r = 0; r < t.rows.size(); r++) {
            List<GridTable.Cell> row = t.rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String text = row.get(c).text;
                if (c == 0 && GridTable.CODE.matcher(text).matches() || c > 0 && GridTable.isAmount(text)) {
                    return r;
                }
            }
        }
        return 0;
    }

    private static String rowText(GridTable t, int r) {
        StringBuilder b = new StringBuilder();
        t.rows.get(r).forEach(c -> b.append(c.text).append('|'));
        return b.toString();
    }

    // ---- assembly ----

    /** The text being built, with each character's page and box. */
    private static final class Out {
        final StringBuilder text = new StringBuilder();
        final List<Integer> pages = new ArrayList<>();
        final List<Box> boxes = new ArrayList<>();

        void append(char c, int page, Box box) {
            text.append(c);
            pages.add(box == null ? 0 : page);
            boxes.add(box);
        }

        void deleteLast() {
            text.setLength(text.length() - 1);
            pages.remove(pages.size() - 1);
            boxes.remove(boxes.size() - 1);
        }

        int length() {
            return text.length();
        }

        char last() {
            return text.length() == 0 ? '\n' : text.charAt(text.length() - 1);
        }
    }

    private static PdfText assemble(List<PageItems> pages, List<String> notes) {
        Out out = new Out();
        List<TextTable> tables = new ArrayList<>();
        List<PdfText.Line> lines = new ArrayList<>();
        TextLine open = null;
        PageItems openPage = null;
        for (PageItems page : pages) {
            PageGeometry g = page.geometry();
            for (int i = 0; i < page.items().size(); i++) {
                Item item = page.items().get(i);
                if (item instanceof LineItem li) {
                    TextLine line = li.line();
                    if (open != null && continues(open, openPage, line, page, i == 0)) {
                        out.deleteLast();
                        if (isLatin(out.last()) && isLatin(line.text.charAt(0))) {
                            out.append(' ', 0, null);
                        }
                    } else if (out.length() > 0 && out.last() != '\n') {
                        out.append('\n', 0, null);
                    }
                    int start = out.length();
                    for (int k = 0; k < line.text.length(); k++) {
                        Glyph glyph = line.glyphs.get(k);
                        out.append(line.text.charAt(k), g.number(), glyph == null ? null
                                : g.toUserBox(glyph.x0(), glyph.y0(), glyph.x1(), glyph.y1()));
                    }
                    lines.add(new PdfText.Line(start, out.length(), g.number(),
                            g.toUserBox(line.x0, line.y0, line.x1, line.y1)));
                    out.append('\n', 0, null);
                    open = full(line, page) ? line : null;
                    openPage = page;
                } else if (item instanceof TableItem ti) {
                    open = null;
                    tables.add(render(ti, pages, out, lines));
                }
            }
        }
        int n = out.length();
        int[] pageOf = new int[n];
        Box[] boxes = new Box[n];
        for (int i = 0; i < n; i++) {
            pageOf[i] = out.pages.get(i);
            boxes[i] = out.boxes.get(i);
        }
        List<PdfText.Page> pageList = new ArrayList<>();
        int cursor = 0;
        for (PageItems page : pages) {
            int number = page.geometry().number();
            int first = -1;
            int last = -1;
            for (int i = cursor; i < n; i++) {
                if (pageOf[i] == number) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                } else if (pageOf[i] > number) {
                    break;
                }
            }
            int start = first < 0 ? cursor : first;
            int end = last < 0 ? cursor : last + 1;
            cursor = Math.max(cursor, end);
            PageGeometry geometry = page.geometry();
            pageList.add(new PdfText.Page(number, geometry.cropWidth(), geometry.cropHeight(), geometry.rotation(),
                    start, end));
        }
        return new PdfText(out.text.toString(), tables, pageList, lines, new PdfText.Positions(pageOf, boxes), notes);
    }

    /** Each row as one line, cells separated by " | " (the shape flattened tables have), with positions. */
    private static TextTable render(TableItem item, List<PageItems> pages, Out out, List<PdfText.Line> lines) {
        if (out.length() > 0 && out.last() != '\n') {
            out.append('\n', 0, null);
        }
        int start = out.length();
        List<List<String>> grid = new ArrayList<>();
        List<TextTable.RowPlacement> placements = new ArrayList<>();
        boolean[] keep = nonEmptyColumns(item);
        for (GridTable part : item.parts()) {
            PageGeometry g = pages.stream().filter(p -> p.geometry().number() == part.page).findFirst()
                    .orElseThrow().geometry();
            for (List<GridTable.Cell> row : part.rows) {
                int rowStart = out.length();
                List<String> texts = new ArrayList<>(row.size());
                List<Box> cellBoxes = new ArrayList<>(row.size());
                float rx0 = Float.MAX_VALUE;
                float ry0 = Float.MAX_VALUE;
                float rx1 = -Float.MAX_VALUE;
                float ry1 = -Float.MAX_VALUE;
                for (int c = 0; c < row.size(); c++) {
                    if (!keep[c]) {
                        continue;
                    }
                    GridTable.Cell cell = row.get(c);
                    if (!texts.isEmpty()) {
                        out.append(' ', 0, null);
                        out.append('|', 0, null);
                        out.append(' ', 0, null);
                    }
                    texts.add(cell.text);
                    Box cellBox = g.toUserBox(cell.x0, cell.y0, cell.x1, cell.y1);
                    cellBoxes.add(cell.text.isEmpty() ? null : cellBox);
                    rx0 = Math.min(rx0, cell.x0);
                    ry0 = Math.min(ry0, cell.y0);
                    rx1 = Math.max(rx1, cell.x1);
                    ry1 = Math.max(ry1, cell.y1);
                    Box glyphBox = glyphBox(g, cell);
                    for (int k = 0; k < cell.text.length(); k++) {
                        out.append(cell.text.charAt(k), part.page, glyphBox == null ? cellBox : glyphBox);
                    }
                }
                Box rowBox = g.toUserBox(rx0, ry0, rx1, ry1);
                lines.add(new PdfText.Line(rowStart, out.length(), part.page, rowBox));
                out.append('\n', 0, null);
                grid.add(texts);
                placements.add(new TextTable.RowPlacement(part.page, rowBox, cellBoxes));
            }
        }
        int end = Math.max(start, out.length() - 1);
        return new TextTable(start, end, grid, placements);
    }

    /** Columns with no text in any row of any part are spacing, not content. */
    private static boolean[] nonEmptyColumns(TableItem item) {
        boolean[] keep = new boolean[item.parts().get(0).width()];
        for (GridTable part : item.parts()) {
            for (List<GridTable.Cell> row : part.rows) {
                for (int c = 0; c < Math.min(keep.length, row.size()); c++) {
                    keep[c] |= !row.get(c).text.isEmpty();
                }
            }
        }
        return keep;
    }

    /** The box of the glyphs of a cell (tighter than the cell), or null for an empty cell or a repeated span. */
    private static Box glyphBox(PageGeometry g, GridTable.Cell cell) {
        if (cell.glyphs.isEmpty()) {
            return null;
        }
        float x0 = Float.MAX_VALUE;
        float y0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float y1 = -Float.MAX_VALUE;
        for (Glyph glyph : cell.glyphs) {
            if (glyph.isBlank()) {
                continue;
            }
            x0 = Math.min(x0, glyph.x0());
            y0 = Math.min(y0, glyph.y0());
            x1 = Math.max(x1, glyph.x1());
            y1 = Math.max(y1, glyph.y1());
        }
        return x0 > x1 ? null : g.toUserBox(x0, y0, x1, y1);
    }

    /** A line reaching the right edge of the text block may continue on the next line. */
    private static boolean full(TextLine line, PageItems page) {
        return line.x1 >= page.right() - 1.5f * line.size;
    }

    /** Whether the next line continues the open (full) line: not indented, not a heading, close below it. */
    private static boolean continues(TextLine open, PageItems openPage, TextLine next, PageItems page,
                                     boolean firstOnPage) {
        if (next.x0 > page.left() + 0.6f * next.size || HEADING.matcher(next.text).lookingAt()) {
            return false;
        }
        float width = page.geometry().displayWidth();
        float middle = (next.x0 + next.x1) / 2;
        if (next.x1 < page.right() - 2 * next.size && Math.abs(middle - width / 2) < 2 * next.size) {
            return false;
        }
        if (Math.abs(open.size - next.size) > 1.5f) {
            return false;
        }
        if (openPage == page) {
            float gap = next.y0 - open.y1;
            return gap >= -0.5f * open.size && gap <= 1.2f * open.size;
        }
        char last = open.text.charAt(open.text.length() - 1);
        return firstOnPage && openPage.geometry().number() + 1 == page.geometry().number()
                && "。；;！？!?：:".indexOf(last) < 0;
    }

    private static boolean isLatin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    /** The given coordinate of the lines long enough to show the text block's margins, ascending. */
    private static float[] sorted(List<TextLine> lines, boolean left) {
        List<TextLine> longLines = lines.stream().filter(l -> l.text.length() >= 8).toList();
        float[] out = new float[longLines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = left ? longLines.get(i).x0 : longLines.get(i).x1;
        }
        Arrays.sort(out);
        return out;
    }
}
