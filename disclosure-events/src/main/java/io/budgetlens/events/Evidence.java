package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an operand of a check or a parsed fact comes from: a quote with [start, end) character offsets into the
 * normalised text of the parsed event, and/or a table cell (tableId, row, column; row and column 0-based).
 * A finding that compares two documents names the other one in documentId. From a PDF (contract v1.1): the page
 * (1-based, within its part), the box on that page, and the part (1-based, only for documents of several parts).
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
        String documentId,
        Integer page,
        Box box,
        Integer part) {

    /** The v1.0 shape: no position on a page. */
    public Evidence(String quote, Integer start, Integer end, String tableId, Integer row, Integer column,
                    String documentId) {
        this(quote, start, end, tableId, row, column, documentId, null, null, null);
    }

    public static Evidence ofText(String quote, int start, int end) {
        return new Evidence(quote, start, end, null, null, null, null);
    }

    public static Evidence ofCell(String tableId, int row, int column, String rowText) {
        return new Evidence(rowText, null, null, tableId, row, column, null);
    }

    /** The same evidence placed on a page (a null box leaves it as it is). */
    public Evidence at(Integer page, Box box, Integer part) {
        if (box == null) {
            return this;
        }
        return new Evidence(quote, start, end, tableId, row, column, documentId, page, box, part);
    }

    /** The same evidence naming the other document of a cross-document check. */
    public Evidence inDocument(String otherDocumentId) {
        return new Evidence(quote, start, end, tableId, row, column, otherDocumentId, page, box, part);
    }
}
