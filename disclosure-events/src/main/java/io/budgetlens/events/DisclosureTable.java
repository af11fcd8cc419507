package io.budgetlens.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A table reconstructed into rows and columns and classified by structure (type such as INCOME_EXPENDITURE_TOTAL,
 * GPB_BASIC_EXPENDITURE, THREE_PUBLIC, PERFORMANCE_SELF_EVALUATION or UNKNOWN; docs/events.md lists them),
 * with its title, unit and, for a table printed without data, the explanation given (空表说明). From a PDF (v1.1):
 * the pages it is printed on and its printed label (公开01表); from a spreadsheet, the sheet it was read from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisclosureTable(
        String id,
        String type,
        String title,
        String unit,
        List<TableColumn> columns,
        List<TableRow> rows,
        String emptyExplanation,
        Integer start,
        Integer end,
        List<Integer> pages,
        String label,
        String sheet) {

    /** A table of a PDF or a text (v1.1, no sheet). */
    public DisclosureTable(String id, String type, String title, String unit, List<TableColumn> columns,
                           List<TableRow> rows, String emptyExplanation, Integer start, Integer end,
                           List<Integer> pages, String label) {
        this(id, type, title, unit, columns, rows, emptyExplanation, start, end, pages, label, null);
    }

    /** The v1.0 shape. */
    public DisclosureTable(String id, String type, String title, String unit, List<TableColumn> columns,
                           List<TableRow> rows, String emptyExplanation, Integer start, Integer end) {
        this(id, type, title, unit, columns, rows, emptyExplanation, start, end, null, null, null);
    }
}
