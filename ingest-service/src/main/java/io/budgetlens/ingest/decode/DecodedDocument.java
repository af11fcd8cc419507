package io.budgetlens.ingest.decode;

import java.util.List;

/**
 * A document ready for the parser: its format, the charset that decoded it, the normalised text (what the parsed event
 * carries and evidence offsets point into), the text before normalisation with the offset map back to it, the HTML
 * tables as grids, and notes about the input (a declared charset that was wrong…).
 */
public record DecodedDocument(DocumentFormat format, String charset, String text, String originalText,
                              int[] toOriginal, List<TextTable> tables, List<String> notes) {

    /** Offset in {@link #originalText()} of a normalised-text offset. */
    public int originalOffset(int offset) {
        return toOriginal[offset];
    }
}
