package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an operand of a check or a parsed fact comes from: a quote with [start, end) character offsets into the
 * normalised text of the parsed event, and/or a table cell (tableId, row, column; row and column 0-based).
 * A finding that compares two documents names the other one in documentId.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evidence(
        String quote,
        Integer start,
        Integer end,
        String tableId,
        Integer row,
        Integer column,
        String documentId) {

    public static Evidence ofText(String quote, int start, int end) {
        return new Evidence(quote, start, end, null, null, null, null);
    }

    public static Evidence ofCell(String tableId, int row, int column, String rowText) {
        return new Evidence(rowText, null, null, tableId, row, column, null);
    }
}
