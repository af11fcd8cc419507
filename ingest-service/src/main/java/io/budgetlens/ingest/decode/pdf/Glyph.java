package io.budgetlens.ingest.decode.pdf;

/**
 * One character on a page, in display space (the page as a reader sees it: origin top-left, y downward, points):
 * its text (usually one code point), its box and its font size. {@code upright} is false for text drawn rotated
 * relative to the page (vertical labels), which is kept but never joined into horizontal lines.
 */
record Glyph(String text, float x0, float y0, float x1, float y1, float size, boolean upright) {

    float centerX() {
        return (x0 + x1) / 2;
    }

    float centerY() {
        return (y0 + y1) / 2;
    }

    float height() {
        return y1 - y0;
    }

    boolean isBlank() {
        return text.isBlank();
    }
}
