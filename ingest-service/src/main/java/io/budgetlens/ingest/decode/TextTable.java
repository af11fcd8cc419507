package io.budgetlens.ingest.decode;

import java.util.List;

/**
 * A table read from HTML markup as a grid (rowspan and colspan expanded: a spanned cell repeats its text in every
 * position it covers), with the [start, end) offsets of its rendered lines in the document text.
 */
public record TextTable(int start, int end, List<List<String>> grid) {
}
