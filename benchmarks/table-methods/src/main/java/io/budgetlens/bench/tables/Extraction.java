package io.budgetlens.bench.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.budgetlens.ingest.decode.TextNormalizer;
import io.budgetlens.ingest.decode.TextTable;

/**
 * What a method read from a PDF: the text in reading order with each table rendered one row per line (cells
 * separated by " | ") after the lines printed above it, and the tables as grids with the [start, end) offsets of
 * their rows in that text and the page of each row.
 */
record Extraction(String text, List<TextTable> tables) {

    /**
     * The text normalised (full-width forms to ASCII) with the tables' offsets moved into it, as the parser's
     * DocumentReader hands a PDF to TableReader (the grids themselves are kept as read).
     */
    Extraction normalised() {
        TextNormalizer.Normalized normalized = TextNormalizer.normalize(text);
        List<TextTable> shifted = new ArrayList<>(tables.size());
        for (TextTable t : tables) {
            shifted.add(new TextTable(toNormalized(normalized, t.start()), toNormalized(normalized, t.end()), t.grid(),
                    t.placements()));
        }
        return new Extraction(normalized.text(), shifted);
    }

    private static int toNormalized(TextNormalizer.Normalized normalized, int originalOffset) {
        int i = Arrays.binarySearch(normalized.toOriginal(), originalOffset);
        return i >= 0 ? i : -i - 1;
    }
}
