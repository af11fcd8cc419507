package io.budgetlens.ingest.decode;

import java.util.List;

import io.budgetlens.ingest.decode.pdf.PdfText;

/**
 * A document ready for the parser: its format, the charset that decoded it, the normalised text (what the parsed event
 * carries and evidence offsets point into), the text before normalisation with the offset map back to it, the HTML
 * tables as grids, and notes about the input (a declared charset that was wrong…). For a PDF, {@code pdf} holds the
 * page and box of every character and the page layout.
 */
public record DecodedDocument(DocumentFormat format, String charset, String text, String originalText,
                              int[] toOriginal, List<TextTable> tables, List<String> notes, PdfText pdf) {

    public DecodedDocument(DocumentFormat format, String charset, String text, String originalText, int[] toOriginal,
                           List<TextTable> tables, List<String> notes) {
        this(format, charset, text, originalText, toOriginal, tables, notes, null);
    }

    /** Page and box of a [start, end) range of the normalised text, or null (not a PDF, or no printed character). */
    public PdfText.Placed place(int start, int end) {
        if (pdf == null || start >= end || start < 0 || end > text.length()) {
            return null;
        }
        return pdf.positions().place(toOriginal[start], toOriginal[end - 1] + 1);
    }

    /** Offset in {@link #originalText()} of a normalised-text offset. */
    public int originalOffset(int offset) {
        return toOriginal[offset];
    }
}
