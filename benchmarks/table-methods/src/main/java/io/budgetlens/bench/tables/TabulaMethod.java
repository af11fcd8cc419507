package io.budgetlens.bench.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;

import io.budgetlens.ingest.decode.TextTable;
import io.budgetlens.ingest.decode.office.OfficeText;
import io.budgetlens.ingest.decode.pdf.LineGroups;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.PageIterator;
import technology.tabula.Rectangle;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.TextElement;
import technology.tabula.detectors.NurminenDetectionAlgorithm;
import technology.tabula.extractors.BasicExtractionAlgorithm;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

/**
 * tabula-java 1.0.5 (PDFBox 2) on every page: LATTICE is its SpreadsheetExtractionAlgorithm (tables from ruling
 * lines, tabula's {@code --lattice}); STREAM is its BasicExtractionAlgorithm on the areas its
 * NurminenDetectionAlgorithm finds (tabula's {@code --stream --guess}). Each page becomes its text lines (tabula's
 * glyphs grouped into lines) with the tables in place, so the lines printed above a table (label, title, unit) come
 * right before its rows, as in PdfReader's text. The clean-up PdfReader does is done to tabula's grids too: wrapped
 * lines in a cell joined; a table that opens a page (below at most a running header) with the columns of the table
 * that closed the previous page (as many, each left edge within 4 points) joined to it, without the header rows it
 * repeats; then blank rows and columns dropped.
 */
final class TabulaMethod implements TableMethod {

    enum Algorithm { LATTICE, STREAM }

    /** A page number alone on a line, as footers print it. */
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–_·\\s]*(第\\s*)?\\d{1,4}(\\s*页)?[-—–_·\\s]*$");
    /** Share of the page height at the top and bottom where running headers and footers are printed. */
    private static final float MARGIN_ZONE = 0.1f;

    private final Algorithm algorithm;

    TabulaMethod(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public String pdfbox() {
        return "pdfbox2";
    }

    @Override
    public String name() {
        return algorithm == Algorithm.LATTICE
                ? "tabula lattice (SpreadsheetExtractionAlgorithm, PDFBox 2)"
                : "tabula stream (Nurminen detection + BasicExtractionAlgorithm, PDFBox 2)";
    }

    /** A line of text or a table on a page, top to bottom. */
    private record Item(float top, float bottom, String line, Grid table) {
    }

    /** A table being built: rows of cell texts, the page of each row, and the left edge of each column. */
    private static final class Grid {
        final List<List<String>> rows = new ArrayList<>();
        final List<Integer> pages = new ArrayList<>();
        /** Per column, the leftmost left edge of its cells relative to the table's left (NaN: no cell). */
        float[] columnLefts = new float[0];

        int width() {
            return columnLefts.length;
        }

        /** The same columns as PdfReader's rule for continued tables: as many, each within 4 points. */
        boolean sameColumns(Grid other) {
            if (width() != other.width() || width() == 0) {
                return false;
            }
            for (int c = 0; c < width(); c++) {
                float a = columnLefts[c];
                float b = other.columnLefts[c];
                if (!Float.isNaN(a) && !Float.isNaN(b) && Math.abs(a - b) > 4f) {
                    return false;
                }
            }
            return true;
        }

        /** Rows and columns without any text dropped (after joining the parts of a continued table). */
        List<List<String>> cleaned() {
            boolean[] keep = new boolean[width()];
            for (List<String> row : rows) {
                for (int c = 0; c < row.size(); c++) {
                    keep[c] |= !row.get(c).isEmpty();
                }
            }
            List<List<String>> out = new ArrayList<>();
            for (List<String> row : rows) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width(); c++) {
                    if (keep[c]) {
                        cells.add(c < row.size() ? row.get(c) : "");
                    }
                }
                out.add(cells);
            }
            return out;
        }
    }

    @Override
    public Extraction extract(byte[] pdf) throws Exception {
        List<List<Item>> pages = new ArrayList<>();
        List<Float> heights = new ArrayList<>();
        try (PDDocument document = PDDocument.load(pdf); ObjectExtractor extractor = new ObjectExtractor(document)) {
            PageIterator it = extractor.extract();
            while (it.hasNext()) {
                Page page = it.next();
                pages.add(items(page));
                heights.add((float) page.getHeight());
            }
        }
        joinContinuedTables(pages, heights);
        return render(pages);
    }

    private List<Item> items(Page page) {
        List<Table> tables = new ArrayList<>();
        if (algorithm == Algorithm.LATTICE) {
            tables.addAll(new SpreadsheetExtractionAlgorithm().extract(page));
        } else {
            for (Rectangle area : new NurminenDetectionAlgorithm().detect(page)) {
                tables.addAll(new BasicExtractionAlgorithm().extract(page.getArea(area)));
            }
        }
        List<Item> items = new ArrayList<>();
        List<Table> kept = new ArrayList<>();
        for (Table table : tables) {
            Grid grid = grid(table, page.getPageNumber());
            if (grid.rows.size() >= 2 && grid.cleaned().get(0).size() >= 2) {
                items.add(new Item(table.getTop(), table.getBottom(), null, grid));
                kept.add(table);
            }
        }
        List<TextElement> outside = new ArrayList<>();
        for (TextElement e : page.getText()) {
            double cx = e.getCenterX();
            double cy = e.getCenterY();
            boolean inTable = kept.stream().anyMatch(t -> cx >= t.getLeft() - 2 && cx <= t.getRight() + 2
                    && cy >= t.getTop() - 2 && cy <= t.getBottom() + 2);
            if (!inTable) {
                outside.add(e);
            }
        }
        items.addAll(lines(outside));
        items.sort(Comparator.comparingDouble(Item::top));
        return items;
    }

    /** The table's cell texts (wrapped lines joined) and column edges; rows without text left out. */
    private static Grid grid(Table table, int page) {
        Grid grid = new Grid();
        int width = table.getRows().stream().mapToInt(List::size).max().orElse(0);
        grid.columnLefts = new float[width];
        Arrays.fill(grid.columnLefts, Float.NaN);
        for (List<RectangularTextContainer> row : table.getRows()) {
            List<String> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                RectangularTextContainer cell = c < row.size() ? row.get(c) : null;
                String text = cell == null ? "" : OfficeText.oneLine(cell.getText());
                cells.add(text);
                if (!text.isEmpty()) {
                    float left = cell.getLeft() - table.getLeft();
                    grid.columnLefts[c] = Float.isNaN(grid.columnLefts[c]) ? left : Math.min(grid.columnLefts[c], left);
                }
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                grid.rows.add(cells);
                grid.pages.add(page);
            }
        }
        return grid;
    }

    /** Glyphs outside the tables as lines: overlapping vertically, read left to right, a space at a wide gap. */
    private static List<Item> lines(List<TextElement> elements) {
        List<TextElement> sorted = new ArrayList<>(elements.stream().filter(e -> e.getHeight() > 0).toList());
        sorted.sort(Comparator.comparingDouble((TextElement e) -> e.getCenterY()).thenComparingDouble(e -> e.getLeft()));
        List<Item> items = new ArrayList<>();
        for (LineGroups.Line<TextElement> group : LineGroups.of(sorted, TextElement::getTop, TextElement::getBottom,
                e -> (float) e.getHeight(), 1)) {
            List<TextElement> boxes = new ArrayList<>(group.boxes());
            boxes.sort(Comparator.comparingDouble(e -> e.getLeft()));
            StringBuilder text = new StringBuilder();
            TextElement previous = null;
            for (TextElement e : boxes) {
                if (previous != null && e.getLeft() - previous.getRight() > 0.5f * e.getFontSize()
                        && text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
                text.append(e.getText());
                previous = e;
            }
            String line = text.toString().replaceAll("\\s+", " ").strip();
            if (!line.isEmpty()) {
                items.add(new Item(group.top(), group.bottom(), line, null));
            }
        }
        return items;
    }

    /**
     * A table that opens a page (nothing above it but a running header) with the column count of the table that
     * closed the previous page (nothing below it but a footer) continues it: its rows join that table, without the
     * header rows it repeats.
     */
    private static void joinContinuedTables(List<List<Item>> pages, List<Float> heights) {
        for (int p = 1; p < pages.size(); p++) {
            Item last = lastTable(pages.get(p - 1), heights.get(p - 1));
            int firstAt = firstTable(pages.get(p), heights.get(p));
            if (last == null || firstAt < 0) {
                continue;
            }
            Grid previous = last.table();
            Grid next = pages.get(p).get(firstAt).table();
            if (!previous.sameColumns(next)) {
                continue;
            }
            int repeated = 0;
            while (repeated < next.rows.size() - 1 && repeated < previous.rows.size()
                    && next.rows.get(repeated).equals(previous.rows.get(repeated))) {
                repeated++;
            }
            previous.rows.addAll(next.rows.subList(repeated, next.rows.size()));
            previous.pages.addAll(next.pages.subList(repeated, next.pages.size()));
            pages.get(p).remove(firstAt);
        }
    }

    private static Item lastTable(List<Item> items, float height) {
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = items.get(i);
            if (item.table() != null) {
                return item;
            }
            if (!margin(item, height)) {
                return null;
            }
        }
        return null;
    }

    private static int firstTable(List<Item> items, float height) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.table() != null) {
                return i;
            }
            if (!margin(item, height)) {
                return -1;
            }
        }
        return -1;
    }

    /** A running header or footer line: in the top or bottom margin zone, or a page number. */
    private static boolean margin(Item line, float height) {
        return line.bottom() <= height * MARGIN_ZONE || line.top() >= height * (1 - MARGIN_ZONE)
                || PAGE_NUMBER.matcher(line.line()).matches();
    }

    private static Extraction render(List<List<Item>> pages) {
        StringBuilder text = new StringBuilder();
        List<TextTable> tables = new ArrayList<>();
        for (List<Item> page : pages) {
            for (Item item : page) {
                if (item.table() == null) {
                    text.append(item.line()).append('\n');
                    continue;
                }
                Grid grid = item.table();
                List<List<String>> rows = grid.cleaned();
                int start = text.length();
                List<TextTable.RowPlacement> placements = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    text.append(String.join(" | ", rows.get(r))).append('\n');
                    placements.add(new TextTable.RowPlacement(grid.pages.get(r), null, List.of()));
                }
                tables.add(new TextTable(start, text.length() - 1, rows, placements));
            }
        }
        return new Extraction(text.toString(), tables);
    }
}
