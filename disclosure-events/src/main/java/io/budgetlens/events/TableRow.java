package io.budgetlens.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One printed row: its classification code (when printed or mapped), its name, and the cells as printed.
 * A blank cell is an empty string (zero in a standard table). Rows printed twice stay twice. From a PDF (v1.1): the
 * page and part it is printed on, its box, and one box per cell ({@code null} for a blank cell). From a spreadsheet
 * (v1.1): the A1 reference of each cell ({@code cellRefs}, parallel to {@code cells}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableRow(int index, String code, String name, List<String> cells, Integer start, Integer end,
                       Integer page, Integer part, Box box, List<Box> cellBoxes, List<String> cellRefs) {

    /** The v1.0 shape: no position on a page. */
    public TableRow(int index, String code, String name, List<String> cells, Integer start, Integer end) {
        this(index, code, name, cells, start, end, null, null, null, null, null);
    }

    /** A row printed on a PDF page (v1.1). */
    public TableRow(int index, String code, String name, List<String> cells, Integer start, Integer end,
                    Integer page, Integer part, Box box, List<Box> cellBoxes) {
        this(index, code, name, cells, start, end, page, part, box, cellBoxes, null);
    }

    /** The box of one cell, or null (blank cell, or not from a PDF). */
    public Box cellBox(int column) {
        return cellBoxes == null || column < 0 || column >= cellBoxes.size() ? null : cellBoxes.get(column);
    }
}
