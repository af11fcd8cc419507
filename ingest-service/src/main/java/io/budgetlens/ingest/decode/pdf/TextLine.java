package io.budgetlens.ingest.decode.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line of text on a page: its characters in reading order with the glyph of each (null for a space the layout put
 * between two words), and its box in display space.
 */
final class TextLine {

    final int page;
    final StringBuilder text = new StringBuilder();
    final List<Glyph> glyphs = new ArrayList<>();
    float x0 = Float.MAX_VALUE;
    float y0 = Float.MAX_VALUE;
    float x1 = -Float.MAX_VALUE;
    float y1 = -Float.MAX_VALUE;
    float size;

    TextLine(int page) {
        this.page = page;
    }

    String text() {
        return text.toString();
    }

    float height() {
        return y1 - y0;
    }

    /**
     * Groups glyphs into lines ({@link LineGroups}: by vertical overlap, a glyph joining any of the three newest lines);
     * each line is then read left to right, with one space where the gap between two glyphs is wider than half the
     * font size (never a run of spaces).
     */
    static List<TextLine> of(int page, List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::centerY).thenComparingDouble(Glyph::x0));
        List<TextLine> lines = new ArrayList<>();
        for (LineGroups.Line<Glyph> group : LineGroups.of(sorted, Glyph::y0, Glyph::y1, Glyph::height, 3)) {
            TextLine line = fromGroup(page, group.boxes());
            if (line != null) {
                lines.add(line);
            }
        }
        lines.sort(Comparator.comparingDouble((TextLine l) -> l.y0).thenComparingDouble(l -> l.x0));
        return lines;
    }

    /** One line from glyphs already known to share it; null when it holds only blanks. */
    static TextLine fromGroup(int page, List<Glyph> group) {
        List<Glyph> row = new ArrayList<>(group);
        row.sort(Comparator.comparingDouble(Glyph::x0));
        TextLine line = new TextLine(page);
        float sizes = 0;
        Glyph previous = null;
        for (Glyph g : row) {
            if (g.isBlank()) {
                if (line.text.length() > 0 && line.text.charAt(line.text.length() - 1) != ' ') {
                    line.text.append(' ');
                    line.glyphs.add(null);
                }
                previous = g;
                continue;
            }
            if (previous != null && !previous.isBlank() && line.text.length() > 0
                    && g.x0() - previous.x1() > 0.5f * Math.max(g.size(), previous.size())
                    && line.text.charAt(line.text.length() - 1) != ' ') {
                line.text.append(' ');
                line.glyphs.add(null);
            }
            for (int k = 0; k < g.text().length(); k++) {
                line.text.append(g.text().charAt(k));
                line.glyphs.add(g);
            }
            line.x0 = Math.min(line.x0, g.x0());
            line.y0 = Math.min(line.y0, g.y0());
            line.x1 = Math.max(line.x1, g.x1());
            line.y1 = Math.max(line.y1, g.y1());
            sizes += g.size();
            previous = g;
        }
        while (line.text.length() > 0 && line.text.charAt(line.text.length() - 1) == ' ') {
            line.text.setLength(line.text.length() - 1);
            line.glyphs.remove(line.glyphs.size() - 1);
        }
        if (line.text.length() == 0) {
            return null;
        }
        line.size = sizes / Math.max(1, row.stream().filter(g -> !g.isBlank()).count());
        return line;
    }
}
