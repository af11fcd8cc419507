package io.budgetlens.ingest.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes small PDFs for the layout tests, in display coordinates (origin top-left, y downward, as a reader sees the
 * page): text lines and ruled grids, on portrait pages or on landscape pages made with /Rotate 90 (the way the
 * Jiangsu tables are printed), so each layout trap can be reproduced exactly.
 */
final class PdfBuilder {

    private final PDDocument document = new PDDocument();
    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private PDPageContentStream content;
    private float displayHeight;
    private boolean rotated;

    /** A new A4 page, portrait; or landscape as a portrait page turned by /Rotate 90. */
    PdfBuilder page(boolean landscapeByRotation) {
        close();
        PDPage page = new PDPage(PDRectangle.A4);
        rotated = landscapeByRotation;
        if (rotated) {
            page.setRotation(90);
        }
        document.addPage(page);
        displayHeight = rotated ? PDRectangle.A4.getWidth() : PDRectangle.A4.getHeight();
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Text whose baseline starts at display (x, y). */
    PdfBuilder text(float x, float y, float size, String text) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.setTextMatrix(rotated ? new Matrix(0, 1, -1, 0, y, x) : new Matrix(1, 0, 0, 1, x, displayHeight - y));
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A stroked line between two display points. */
    PdfBuilder line(float x0, float y0, float x1, float y1) {
        try {
            float[] a = user(x0, y0);
            float[] b = user(x1, y1);
            content.moveTo(a[0], a[1]);
            content.lineTo(b[0], b[1]);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A ruled grid at (x, y) with the given column widths and row height; {@code cells[r][c]} is the text (null
     * where a cell spanning from the left or above covers the position, so no border is drawn there).
     */
    PdfBuilder grid(float x, float y, float[] widths, float rowHeight, String[][] cells) {
        int rows = cells.length;
        int columns = widths.length;
        float[] xs = new float[columns + 1];
        xs[0] = x;
        for (int c = 0; c < columns; c++) {
            xs[c + 1] = xs[c] + widths[c];
        }
        line(xs[0], y, xs[columns], y);
        line(xs[0], y + rows * rowHeight, xs[columns], y + rows * rowHeight);
        line(xs[0], y, xs[0], y + rows * rowHeight);
        line(xs[columns], y, xs[columns], y + rows * rowHeight);
        for (int r = 0; r < rows; r++) {
            float top = y + r * rowHeight;
            for (int c = 0; c < columns; c++) {
                // The left border of a cell, unless a span from the left covers it.
                if (c > 0 && cells[r][c] != null) {
                    line(xs[c], top, xs[c], top + rowHeight);
                }
                // The top border of a cell, unless a span from above covers it.
                if (r > 0 && cells[r][c] != null) {
                    line(xs[c], top, xs[c + 1], top);
                }
                String text = cells[r][c];
                if (text != null && !text.isEmpty()) {
                    text(xs[c] + 3, top + rowHeight - 5, 9, text);
                }
            }
        }
        return this;
    }

    byte[] bytes() {
        close();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float[] user(float dx, float dy) {
        return rotated ? new float[] {dy, dx} : new float[] {dx, displayHeight - dy};
    }

    private void close() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    /** Convenience: a list of strings as a grid row. */
    static String[] row(String... cells) {
        return cells;
    }

    static List<String> words(int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add("word" + i);
        }
        return words;
    }
}
