package io.budgetlens.ingest.decode.office;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lays a sheet out as a printed page would read: rows of one caption each above a table (label 公开01表, title,
 * 单位：万元 and publisher lines) become text lines, the rows below them a table (merged cells expanded by
 * {@link SpanGrid}), trailing notes (注：…) lines again. Blank rows separate blocks; a block that starts with table
 * rows right after a table continues it. A sheet whose first table has no caption gets the sheet's name as its
 * title line, unless the name is a default one (Sheet1, 工作表1). Hidden rows and columns are left out.
 */
final class SheetLayout {

    private static final Pattern CAPTION = Pattern.compile("单位\\s*[:：]|^(编制|预算|主管|填报)?(部门|单位|机关)(名称)?\\s*[:：]"
            + "|^公开\\d{1,2}表$|^附?表[一二三四五六七八九十\\d]+$|^附件\\d*$");
    private static final Pattern NOTE = Pattern.compile("^(注|备注|说明|填表说明|填报说明)\\s*[:：\\d1-9一二三、.]");
    private static final Pattern DEFAULT_NAME = Pattern.compile("(?i)^(sheet|工作表|表)\\s*\\d*$");

    private final SheetModel sheet;
    private final int[] rows;
    private final int[] columns;
    private final String[][] text;
    private final int[][] ownerRow;
    private final int[][] ownerCol;
    private final int[][] ownerLastRow;

    private SheetLayout(SheetModel sheet) {
        this.sheet = sheet;
        this.rows = visible(sheet.minRow, sheet.maxRow, sheet.hiddenRows);
        this.columns = visible(sheet.minColumn, sheet.maxColumn, sheet.hiddenColumns);
        int nr = rows.length;
        int nc = columns.length;
        text = new String[nr][nc];
        ownerRow = new int[nr][nc];
        ownerCol = new int[nr][nc];
        ownerLastRow = new int[nr][nc];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                text[r][c] = OfficeText.oneLine(sheet.text(rows[r], columns[c]));
                ownerRow[r][c] = r;
                ownerCol[r][c] = c;
                ownerLastRow[r][c] = r;
            }
        }
        for (int[] m : sheet.merges) {
            int r0 = indexAtOrAfter(rows, m[0]);
            int r1 = indexAtOrBefore(rows, m[2]);
            int c0 = indexAtOrAfter(columns, m[1]);
            int c1 = indexAtOrBefore(columns, m[3]);
            if (r0 < 0 || c0 < 0 || r1 < r0 || c1 < c0 || rows[r0] != m[0] || columns[c0] != m[1]) {
                continue; // the top-left cell is hidden or outside the values: nothing is shown there
            }
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    ownerRow[r][c] = r0;
                    ownerCol[r][c] = c0;
                }
            }
            ownerLastRow[r0][c0] = r1;
        }
    }

    /** Renders one sheet into the text being built. */
    static void render(SheetModel sheet, OfficeText.Builder out) {
        if (sheet.isEmpty()) {
            return;
        }
        new SheetLayout(sheet).render(out);
    }

    /** The sheets of one workbook laid out in order, their cells counted against the workbook's limit. */
    static final class Workbook {
        private final OfficeText.Builder out;
        private final OfficeLimits limits;
        private final List<String> hidden = new ArrayList<>();
        private long cells;

        Workbook(OfficeText.Builder out, OfficeLimits limits) {
            this.out = out;
            this.limits = limits;
        }

        void hidden(String name) {
            hidden.add(name);
        }

        void sheet(SheetModel sheet) {
            cells += sheet.usedCells();
            if (cells > limits.maxCells()) {
                throw new OfficeLimitException("OFFICE_TOO_LARGE: the workbook's sheets hold more than "
                        + limits.maxCells() + " cells (rows × columns of the ranges with values) together.");
            }
            render(sheet, out);
        }

        /** Notes what was left out. */
        void finish() {
            if (!hidden.isEmpty()) {
                out.note("Hidden sheets were not read: " + String.join(", ", hidden) + ".");
            }
        }
    }

    private sealed interface Item permits Line, Block {
    }

    private record Line(String text) implements Item {
    }

    private record Block(List<Integer> rows) implements Item {
    }

    private void render(OfficeText.Builder out) {
        List<Item> items = new ArrayList<>();
        int r = 0;
        while (r < rows.length) {
            if (owners(r).isEmpty()) {
                r++;
                continue;
            }
            int start = r;
            int end = r;
            while (end < rows.length && !owners(end).isEmpty()) {
                end++;
            }
            int i = start;
            while (i < end && isCaption(i)) {
                items.add(new Line(captionText(i)));
                i++;
            }
            int j = end;
            while (j > i && isNote(j - 1)) {
                j--;
            }
            if (j > i && (j - i >= 2 || owners(i).size() >= 2)) {
                Item last = items.isEmpty() ? null : items.get(items.size() - 1);
                List<Integer> block = i == start && last instanceof Block b ? b.rows() : new ArrayList<>();
                if (block.isEmpty()) {
                    items.add(new Block(block));
                }
                for (int k = i; k < j; k++) {
                    block.add(k);
                }
            } else {
                for (int k = i; k < j; k++) {
                    items.add(new Line(captionText(k)));
                }
            }
            for (int k = j; k < end; k++) {
                items.add(new Line(captionText(k)));
            }
            r = end;
        }
        if (!items.isEmpty() && items.get(0) instanceof Block && !DEFAULT_NAME.matcher(sheet.name.strip()).matches()) {
            out.line(sheet.name);
        }
        for (Item item : items) {
            if (item instanceof Line line) {
                out.line(line.text());
            } else if (item instanceof Block block) {
                table(block.rows(), out);
            }
        }
    }

    private void table(List<Integer> block, OfficeText.Builder out) {
        int nr = block.size();
        int nc = columns.length;
        String[][] t = new String[nr][nc];
        int[][] or = new int[nr][nc];
        int[][] oc = new int[nr][nc];
        String[][] refs = new String[nr][nc];
        int[] position = new int[rows.length];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < nr; i++) {
            position[block.get(i)] = i;
        }
        for (int i = 0; i < nr; i++) {
            int r = block.get(i);
            for (int c = 0; c < nc; c++) {
                t[i][c] = text[r][c];
                refs[i][c] = SheetModel.ref(rows[r], columns[c]);
                int owner = position[ownerRow[r][c]];
                if (owner < 0) {
                    // The merged cell starts outside this table: nothing of it is shown here.
                    or[i][c] = i;
                    oc[i][c] = c;
                    t[i][c] = "";
                } else {
                    or[i][c] = owner;
                    oc[i][c] = ownerCol[r][c];
                }
            }
        }
        SpanGrid.Expanded expanded = SpanGrid.expand(t, or, oc, refs);
        out.table(expanded.grid(), sheet.name, expanded.refs());
    }

    /** The distinct merged cells (by their owner position) with text that touch a row. */
    private Set<Long> owners(int r) {
        Set<Long> owners = new LinkedHashSet<>();
        for (int c = 0; c < columns.length; c++) {
            int or = ownerRow[r][c];
            int oc = ownerCol[r][c];
            if (!text[or][oc].isEmpty()) {
                owners.add(SheetModel.key(or, oc));
            }
        }
        return owners;
    }

    /**
     * A caption: one cell of text whose rows hold nothing else (a title merged over two rows is one caption), or only
     * label, publisher and unit cells on this row alone (部门：… 单位：万元).
     */
    private boolean isCaption(int r) {
        Set<Long> owners = owners(r);
        if (owners.size() == 1) {
            long key = owners.iterator().next();
            int or = (int) (key >> 20);
            int oc = (int) (key & 0xFFFFF);
            for (int k = or; k <= ownerLastRow[or][oc]; k++) {
                if (!owners(k).equals(owners)) {
                    return false;
                }
            }
            return true;
        }
        for (long key : owners) {
            int or = (int) (key >> 20);
            int oc = (int) (key & 0xFFFFF);
            if (or != r || ownerLastRow[or][oc] != r || !CAPTION.matcher(text[or][oc]).find()) {
                return false;
            }
        }
        return true;
    }

    /** A note under a table: one cell starting with 注/备注/说明, or one long sentence. */
    private boolean isNote(int r) {
        Set<Long> owners = owners(r);
        if (owners.size() != 1) {
            return false;
        }
        long key = owners.iterator().next();
        String t = text[(int) (key >> 20)][(int) (key & 0xFFFFF)];
        return NOTE.matcher(t).find() || t.length() > 40 && t.contains("。");
    }

    /** The texts of the cells starting on a row, joined by a space (a cell merged down is read on its first row). */
    private String captionText(int r) {
        List<String> parts = new ArrayList<>();
        for (long key : owners(r)) {
            if ((int) (key >> 20) == r) {
                parts.add(text[r][(int) (key & 0xFFFFF)]);
            }
        }
        return String.join(" ", parts);
    }

    private static int[] visible(int from, int to, java.util.BitSet hidden) {
        int[] out = new int[Math.max(0, to - from + 1)];
        int n = 0;
        for (int i = from; i <= to; i++) {
            if (!hidden.get(i)) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int indexAtOrAfter(int[] sorted, int value) {
        int i = java.util.Arrays.binarySearch(sorted, value);
        i = i >= 0 ? i : -i - 1;
        return i < sorted.length ? i : -1;
    }

    private static int indexAtOrBefore(int[] sorted, int value) {
        int i = java.util.Arrays.binarySearch(sorted, value);
        return i >= 0 ? i : -i - 2;
    }
}
