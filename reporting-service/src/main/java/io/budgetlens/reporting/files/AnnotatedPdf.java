package io.budgetlens.reporting.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;

import io.budgetlens.events.Box;

/**
 * The checked document back, marked the way reviewers mark paper: the original PDF with a highlight annotation over
 * each finding's evidence, whose comment says what was expected, what was found and the tolerance, in Chinese and
 * English. Boxes are the contract's (unrotated user space relative to the crop box), so they become annotation
 * rectangles by adding the crop box's corner.
 */
public final class AnnotatedPdf {

    /** One mark: page (1-based), the box, the severity (colour) and the comment. */
    public record Mark(int page, Box box, String severity, String title, String comment) {
    }

    private static final float[] RED = {0.93f, 0.26f, 0.21f};
    private static final float[] ORANGE = {1f, 0.72f, 0.1f};

    private AnnotatedPdf() {
    }

    public static byte[] annotate(byte[] pdf, List<Mark> marks) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Mark mark : marks) {
                if (mark.page() < 1 || mark.page() > document.getNumberOfPages() || mark.box() == null) {
                    continue;
                }
                PDPage page = document.getPage(mark.page() - 1);
                PDRectangle crop = page.getCropBox();
                float x0 = (float) mark.box().x0() + crop.getLowerLeftX();
                float y0 = (float) mark.box().y0() + crop.getLowerLeftY();
                float x1 = (float) mark.box().x1() + crop.getLowerLeftX();
                float y1 = (float) mark.box().y1() + crop.getLowerLeftY();
                PDAnnotationHighlight highlight = new PDAnnotationHighlight();
                highlight.setRectangle(new PDRectangle(x0, y0, x1 - x0, y1 - y0));
                // Quad points: upper-left, upper-right, lower-left, lower-right.
                highlight.setQuadPoints(new float[] {x0, y1, x1, y1, x0, y0, x1, y0});
                highlight.setColor(new PDColor("ERROR".equals(mark.severity()) ? RED : ORANGE, PDDeviceRGB.INSTANCE));
                highlight.setConstantOpacity(0.4f);
                highlight.setTitlePopup(mark.title());
                highlight.setContents(mark.comment());
                highlight.setPrinted(true);
                highlight.constructAppearances(document);
                page.getAnnotations().add(highlight);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The stored PDF could not be annotated: " + e.getMessage(), e);
        }
    }
}
