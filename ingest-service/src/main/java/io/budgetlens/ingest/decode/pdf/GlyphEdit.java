package io.budgetlens.ingest.decode.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.budgetlens.events.Box;

/**
 * For the mutation test only (mutation-tests' {@code PdfMutationTest}): read one file of a PDF as if it printed other
 * characters at a few places — the digits of one figure — so that the narrative, the table cells and the positions all
 * see the other figure, exactly as if the page printed it. Each {@link Region} names a page, a box in the page's
 * unrotated user space (the boxes {@link PdfText.Positions} gives) and the characters printed there; its glyphs (those
 * whose centre lies in the box, read left to right, a character drawn twice at one place counted once) are given the
 * replacement characters one for one and keep their boxes, so the layout is that of the printed page. A region whose
 * glyphs do not print {@code from} stops the reading (the edit is wrong, not the file).
 *
 * <p>The service never builds one: only {@code DisclosureParser.parseEdited} and the {@code PdfReader.read} overload
 * taking an edit apply it; every other path passes none and costs nothing.
 *
 * @param sha256 the file (part) of the document the edit applies to
 * @param regions the places to rewrite
 */
public record GlyphEdit(String sha256, List<Region> regions) {

    /** Tolerance (points) around a region's box for a glyph's centre. */
    private static final double SLACK = 0.2;

    public GlyphEdit {
        Objects.requireNonNull(sha256, "sha256");
        regions = List.copyOf(regions);
    }

    /**
     * The characters {@code from} printed in {@code box} on page {@code page} (1-based) read as {@code to}; both
     * without blanks and of the same length, so each glyph keeps its box.
     */
    public record Region(int page, Box box, String from, String to) {
        public Region {
            if (from.length() != to.length() || from.isEmpty()) {
                throw new IllegalArgumentException("a region replaces characters one for one: '" + from + "' → '"
                        + to + "'");
            }
        }
    }

    /** Applies the regions to the collected pages (before the layout). */
    void apply(List<PageCollector.Page> pages) {
        for (Region region : regions) {
            PageCollector.Page page = pages.stream().filter(p -> p.geometry().number() == region.page()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("GLYPH_EDIT: no page " + region.page()));
            apply(page, region);
        }
    }

    private static void apply(PageCollector.Page page, Region region) {
        List<List<Integer>> printed = printed(page, region, false);
        if (!text(page, printed).equals(region.from())) {
            // A wide neighbour (a full-width bracket) may have its centre in a digit's box: only glyphs inside it.
            printed = printed(page, region, true);
        }
        String found = text(page, printed);
        if (!found.equals(region.from())) {
            throw new IllegalStateException("GLYPH_EDIT: page " + region.page() + " prints '" + found + "' in "
                    + region.box() + ", not '" + region.from() + "'");
        }
        for (int k = 0; k < printed.size(); k++) {
            String to = String.valueOf(region.to().charAt(k));
            for (int i : printed.get(k)) {
                Glyph glyph = page.glyphs().get(i);
                page.glyphs().set(i, new Glyph(to, glyph.x0(), glyph.y0(), glyph.x1(), glyph.y1(), glyph.size(),
                        glyph.upright()));
            }
        }
    }

    /**
     * The glyphs of the region left to right, each printed character with its copies (a character drawn twice at one
     * place, fake bold, is one printed character: both copies change).
     */
    private static List<List<Integer>> printed(PageCollector.Page page, Region region, boolean whollyInside) {
        PageGeometry g = page.geometry();
        List<Integer> inside = new ArrayList<>();
        for (int i = 0; i < page.glyphs().size(); i++) {
            Glyph glyph = page.glyphs().get(i);
            if (glyph.isBlank() || !glyph.upright()) {
                continue;
            }
            Box box = g.toUserBox(glyph.x0(), glyph.y0(), glyph.x1(), glyph.y1());
            if (whollyInside ? within(region.box(), box) : contains(region.box(), box)) {
                inside.add(i);
            }
        }
        inside.sort(Comparator.comparingDouble((Integer i) -> page.glyphs().get(i).x0()));
        List<List<Integer>> printed = new ArrayList<>();
        for (int i : inside) {
            Glyph glyph = page.glyphs().get(i);
            List<Integer> last = printed.isEmpty() ? null : printed.get(printed.size() - 1);
            Glyph lastGlyph = last == null ? null : page.glyphs().get(last.get(0));
            if (lastGlyph != null && lastGlyph.text().equals(glyph.text())
                    && Math.round(lastGlyph.x0()) == Math.round(glyph.x0())
                    && Math.round(lastGlyph.y0()) == Math.round(glyph.y0())) {
                last.add(i);
            } else {
                printed.add(new ArrayList<>(List.of(i)));
            }
        }
        return printed;
    }

    private static String text(PageCollector.Page page, List<List<Integer>> printed) {
        StringBuilder found = new StringBuilder();
        printed.forEach(copies -> found.append(page.glyphs().get(copies.get(0)).text()));
        return found.toString();
    }

    /** The glyph's box lies in the region's box. */
    private static boolean within(Box box, Box glyph) {
        return glyph.x0() >= box.x0() - SLACK && glyph.x1() <= box.x1() + SLACK && glyph.y0() >= box.y0() - SLACK
                && glyph.y1() <= box.y1() + SLACK;
    }

    /** The glyph's centre lies in the box. */
    private static boolean contains(Box box, Box glyph) {
        double cx = (glyph.x0() + glyph.x1()) / 2;
        double cy = (glyph.y0() + glyph.y1()) / 2;
        return cx >= box.x0() - SLACK && cx <= box.x1() + SLACK && cy >= box.y0() - SLACK && cy <= box.y1() + SLACK;
    }
}
