package io.budgetlens.ingest.decode.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * One pass over every page's content stream collecting what the layout analysis needs: each glyph with its box in
 * display space, and the ruling lines (stroked path segments and thin filled rectangles) that draw table borders.
 * PDFBox's text engine does the text; a handful of path operators added to it record the lines, so each page is
 * interpreted once.
 */
final class PageCollector extends PDFTextStripper {

    /** A filled rectangle thinner than this (points) is a line. */
    private static final float THIN = 2.5f;
    /** Segments shorter than this are not table borders. */
    private static final float MIN_RULING = 3f;

    /** What one page holds. */
    record Page(PageGeometry geometry, List<Glyph> glyphs, List<Ruling> rulings) {
    }

    private final List<Page> pages = new ArrayList<>();
    private final int maxGlyphsPerPage;
    private PageGeometry geometry;
    private float cropX;
    private float cropY;
    private List<Glyph> glyphs;
    private List<Ruling> rulings;
    /** The current path: subpaths of points in crop-relative user space. */
    private final List<List<float[]>> path = new ArrayList<>();

    private final Runnable tick;

    PageCollector(int maxGlyphsPerPage, Runnable tick) {
        this.maxGlyphsPerPage = maxGlyphsPerPage;
        this.tick = tick;
        addOperator(new PathOperator(this, "m"));
        addOperator(new PathOperator(this, "l"));
        addOperator(new PathOperator(this, "re"));
        addOperator(new PathOperator(this, "h"));
        for (String paint : List.of("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n")) {
            addOperator(new PathOperator(this, paint));
        }
    }

    List<Page> pages() {
        return pages;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        tick.run();
        PDRectangle crop = page.getCropBox();
        cropX = crop.getLowerLeftX();
        cropY = crop.getLowerLeftY();
        geometry = new PageGeometry(getCurrentPageNo(), crop.getWidth(), crop.getHeight(), page.getRotation());
        glyphs = new ArrayList<>();
        rulings = new ArrayList<>();
        path.clear();
        super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        pages.add(new Page(geometry, glyphs, rulings));
        super.endPage(page);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (glyphs.size() >= maxGlyphsPerPage) {
            return;
        }
        String unicode = text.getUnicode();
        if (unicode == null || unicode.isEmpty()) {
            return;
        }
        // The text rendering matrix is in user space relative to the crop box; the advance runs to (endX, endY).
        Matrix m = text.getTextMatrix();
        float ox = m.getTranslateX();
        float oy = m.getTranslateY();
        float ax = text.getEndX() - ox;
        float ay = text.getEndY() - oy;
        float advance = (float) Math.hypot(ax, ay);
        float height = Math.max(text.getHeightDir(), 1f);
        float size = Math.max(Math.abs(m.getScalingFactorY()), height);
        if (advance < 0.01f) {
            // No advance (a combining mark, a zero-width glyph): give it a sliver along the baseline direction.
            double angle = Math.atan2(m.getShearY(), m.getScaleX());
            ax = (float) Math.cos(angle) * 0.01f;
            ay = (float) Math.sin(angle) * 0.01f;
            advance = 0.01f;
        }
        float ux = ax / advance;
        float uy = ay / advance;
        // "Up" is the baseline direction turned a quarter counter-clockwise in user space.
        float vx = -uy;
        float vy = ux;
        float descent = -0.2f * size;
        float ascent = 0.85f * size;
        float[][] corners = {
            {ox + vx * descent, oy + vy * descent},
            {ox + ax + vx * descent, oy + ay + vy * descent},
            {ox + vx * ascent, oy + vy * ascent},
            {ox + ax + vx * ascent, oy + ay + vy * ascent}};
        float[] box = geometry.displayBounds(corners);
        // Upright: the baseline runs left to right on the displayed page.
        float bx = geometry.displayX(ox + ux, oy + uy) - geometry.displayX(ox, oy);
        float by = geometry.displayY(ox + ux, oy + uy) - geometry.displayY(ox, oy);
        boolean upright = bx > 0.9f && Math.abs(by) < 0.3f;
        glyphs.add(new Glyph(unicode, box[0], box[1], box[2], box[3], size, upright));
    }

    // ---- paths ----

    private float[] userPoint(float x, float y) {
        Point2D.Float p = getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
        return new float[] {p.x - cropX, p.y - cropY};
    }

    private void moveTo(float x, float y) {
        List<float[]> sub = new ArrayList<>();
        sub.add(userPoint(x, y));
        path.add(sub);
    }

    private void lineTo(float x, float y) {
        if (path.isEmpty()) {
            moveTo(x, y);
            return;
        }
        path.get(path.size() - 1).add(userPoint(x, y));
    }

    private void closePath() {
        if (!path.isEmpty()) {
            List<float[]> sub = path.get(path.size() - 1);
            if (sub.size() > 1) {
                sub.add(sub.get(0));
            }
        }
    }

    private void rectangle(float x, float y, float w, float h) {
        float[] p0 = userPoint(x, y);
        float[] p1 = userPoint(x + w, y);
        float[] p2 = userPoint(x + w, y + h);
        float[] p3 = userPoint(x, y + h);
        List<float[]> sub = new ArrayList<>(List.of(p0, p1, p2, p3, p0));
        path.add(sub);
    }

    private void paint(boolean stroke, boolean fill) {
        if (rulings.size() < 20_000) {
            if (stroke) {
                for (List<float[]> sub : path) {
                    for (int i = 1; i < sub.size(); i++) {
                        segment(sub.get(i - 1), sub.get(i));
                    }
                }
            }
            if (fill && !stroke) {
                // A thin filled shape is a line, whether drawn with "re" or as a polygon of m/l.
                for (List<float[]> sub : path) {
                    if (sub.size() >= 3) {
                        thinRectangle(sub.toArray(new float[0][]));
                    }
                }
            }
        }
        path.clear();
    }

    private void segment(float[] a, float[] b) {
        float ax = geometry.displayX(a[0], a[1]);
        float ay = geometry.displayY(a[0], a[1]);
        float bx = geometry.displayX(b[0], b[1]);
        float by = geometry.displayY(b[0], b[1]);
        if (Math.abs(ay - by) < 1f && Math.abs(ax - bx) >= MIN_RULING) {
            rulings.add(new Ruling(true, (ay + by) / 2, Math.min(ax, bx), Math.max(ax, bx)));
        } else if (Math.abs(ax - bx) < 1f && Math.abs(ay - by) >= MIN_RULING) {
            rulings.add(new Ruling(false, (ax + bx) / 2, Math.min(ay, by), Math.max(ay, by)));
        }
    }

    private void thinRectangle(float[][] r) {
        float[] box = geometry.displayBounds(r);
        float x0 = box[0];
        float y0 = box[1];
        float x1 = box[2];
        float y1 = box[3];
        float w = x1 - x0;
        float h = y1 - y0;
        if (h <= THIN && w >= MIN_RULING) {
            rulings.add(new Ruling(true, (y0 + y1) / 2, x0, x1));
        } else if (w <= THIN && h >= MIN_RULING) {
            rulings.add(new Ruling(false, (x0 + x1) / 2, y0, y1));
        }
    }

    /** The path construction and painting operators, recorded into this collector. */
    private static final class PathOperator extends OperatorProcessor {

        private final PageCollector collector;
        private final String name;

        PathOperator(PageCollector collector, String name) {
            super((PDFStreamEngine) collector);
            this.collector = collector;
            this.name = name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            switch (name) {
                case "m" -> {
                    if (numbers(operands, 2)) {
                        collector.moveTo(f(operands, 0), f(operands, 1));
                    }
                }
                case "l" -> {
                    if (numbers(operands, 2)) {
                        collector.lineTo(f(operands, 0), f(operands, 1));
                    }
                }
                case "re" -> {
                    if (numbers(operands, 4)) {
                        collector.rectangle(f(operands, 0), f(operands, 1), f(operands, 2), f(operands, 3));
                    }
                }
                case "h" -> collector.closePath();
                case "S" -> collector.paint(true, false);
                case "s" -> {
                    collector.closePath();
                    collector.paint(true, false);
                }
                case "f", "F", "f*" -> collector.paint(false, true);
                case "B", "B*", "b", "b*" -> collector.paint(true, true);
                default -> collector.paint(false, false);
            }
        }

        private static boolean numbers(List<COSBase> operands, int n) {
            if (operands.size() < n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!(operands.get(i) instanceof COSNumber)) {
                    return false;
                }
            }
            return true;
        }

        private static float f(List<COSBase> operands, int i) {
            return ((COSNumber) operands.get(i)).floatValue();
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
