package io.budgetlens.ingest.decode.office;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

/**
 * One sheet as read, before layout: the text shown in each non-blank cell, the merged regions, the hidden rows and
 * columns. Cells are counted as they arrive, so a sheet whose used range passes the limit is refused while it is
 * read, before it costs memory.
 */
final class SheetModel {

    final String name;
    final Map<Long, String> cells = new HashMap<>();
    /** Merged regions: {firstRow, firstColumn, lastRow, lastColumn}, 0-based. */
    final List<int[]> merges = new ArrayList<>();
    final BitSet hiddenRows = new BitSet();
    final BitSet hiddenColumns = new BitSet();
    private final long maxCells;
    int minRow = Integer.MAX_VALUE;
    int maxRow = -1;
    int minColumn = Integer.MAX_VALUE;
    int maxColumn = -1;

    SheetModel(String name, long maxCells) {
        this.name = name;
        this.maxCells = maxCells;
    }

    /** A cell as shown; blank text is ignored. */
    void cell(int row, int column, String text) {
        if (text == null || text.isBlank() || row < 0 || column < 0) {
            return;
        }
        int r0 = Math.min(minRow, row);
        int r1 = Math.max(maxRow, row);
        int c0 = Math.min(minColumn, column);
        int c1 = Math.max(maxColumn, column);
        long size = (long) (r1 - r0 + 1) * (c1 - c0 + 1);
        if (size > maxCells) {
            throw new OfficeLimitException("OFFICE_SHEET_TOO_LARGE: the sheet '" + name + "' has values over "
                    + CellReference.convertNumToColString(c0) + (r0 + 1) + ":" + CellReference.convertNumToColString(c1)
                    + (r1 + 1) + " (" + (r1 - r0 + 1) + " rows × " + (c1 - c0 + 1) + " columns); at most " + maxCells
                    + " cells (rows × columns) are read per sheet.");
        }
        minRow = r0;
        maxRow = r1;
        minColumn = c0;
        maxColumn = c1;
        cells.put(key(row, column), text);
    }

    void merge(int firstRow, int firstColumn, int lastRow, int lastColumn) {
        if (merges.size() > maxCells) {
            throw new OfficeLimitException("OFFICE_SHEET_TOO_LARGE: the sheet '" + name + "' has more than "
                    + maxCells + " merged regions.");
        }
        if (firstRow >= 0 && firstColumn >= 0 && lastRow >= firstRow && lastColumn >= firstColumn
                && (lastRow > firstRow || lastColumn > firstColumn)) {
            merges.add(new int[] {firstRow, firstColumn, lastRow, lastColumn});
        }
    }

    String text(int row, int column) {
        return cells.getOrDefault(key(row, column), "");
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /** Rows × columns of the range holding values. */
    long usedCells() {
        return isEmpty() ? 0 : (long) (maxRow - minRow + 1) * (maxColumn - minColumn + 1);
    }

    static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    static String ref(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }
}
