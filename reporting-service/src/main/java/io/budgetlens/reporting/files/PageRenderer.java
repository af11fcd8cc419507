package io.budgetlens.reporting.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A page of a stored PDF as a PNG image, for showing a finding's evidence where it is printed. The scale is chosen so
 * the image stays under a pixel cap (a hostile page size cannot exhaust memory); the image is the page as displayed
 * (its /Rotate applied), which is how the dashboard lays the evidence box over it.
 */
public final class PageRenderer {

    /** A rendered page: PNG bytes and the pixel size. */
    public record Rendered(byte[] png, int width, int height, float scale) {
    }

    static {
        // PDFBox caches the font list under the user's home; a container's home may be read-only.
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", System.getProperty("java.io.tmpdir"));
        }
    }

    private PageRenderer() {
    }

    /**
     * @param page 1-based
     * @param maxPixels cap on width × height of the image
     * @throws IllegalArgumentException for a page the document does not have
     */
    public static Rendered render(byte[] pdf, int page, long maxPixels, float preferredScale) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (page < 1 || page > document.getNumberOfPages()) {
                throw new IllegalArgumentException("The document has " + document.getNumberOfPages()
                        + " page(s); there is no page " + page + ".");
            }
            PDPage p = document.getPage(page - 1);
            PDRectangle crop = p.getCropBox();
            double area = (double) crop.getWidth() * crop.getHeight();
            float scale = (float) Math.min(preferredScale, Math.sqrt(maxPixels / Math.max(1.0, area)));
            BufferedImage image = new PDFRenderer(document).renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new Rendered(out.toByteArray(), image.getWidth(), image.getHeight(), scale);
        } catch (IOException e) {
            throw new UncheckedIOException("The stored PDF could not be rendered: " + e.getMessage(), e);
        }
    }
}
