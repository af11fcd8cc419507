package io.budgetlens.ingest.decode;

import java.util.List;

import io.budgetlens.events.Box;

/**
 * A table read as a grid (HTML markup with rowspan and colspan expanded, a ruled table of a PDF page, a block of a
 * spreadsheet or a Word table with merged cells expanded), with the [start, end) offsets of its rendered lines (one
 * per grid row) in the document text. A PDF table also carries where each row and cell is printed
 * ({@code placements}, parallel to the grid's rows; empty otherwise); a spreadsheet table carries the name of its
 * {@code sheet} and the A1 reference of each cell ({@code cellRefs}, parallel to the grid; empty otherwise).
 */
public record TextTable(int start, int end, List<List<String>> grid, List<RowPlacement> placements, String sheet,
                        List<List<String>> cellRefs) {

    public TextTable(int start, int end, List<List<String>> grid) {
        this(start, end, grid, List.of());
    }

    public TextTable(int start, int end, List<List<String>> grid, List<RowPlacement> placements) {
        this(start, end, grid, placements, null, List.of());
    }

    /** Where one row is printed: page (1-based), its box, and one box per cell (null for a blank cell). */
    public record RowPlacement(int page, Box box, List<Box> cellBoxes) {
    }

    /** The pages the table is printed on, in order (empty for HTML). */
    public List<Integer> pages() {
        return placements.stream().map(RowPlacement::page).distinct().toList();
    }

    /** The same table at other offsets (after normalisation), everything else kept. */
    public TextTable at(int newStart, int newEnd) {
        return new TextTable(newStart, newEnd, grid, placements, sheet, cellRefs);
    }
}
