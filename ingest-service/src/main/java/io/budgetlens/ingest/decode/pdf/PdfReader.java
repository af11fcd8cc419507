package io.budgetlens.ingest.decode.pdf;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import io.budgetlens.ingest.decode.ReadStopped;
import io.budgetlens.ingest.decode.UndecodableDocumentException;

/**
 * Reads a PDF with PDFBox into {@link PdfText}. Refuses what it cannot read with a reason a person understands:
 * a password-protected file, a damaged one, one with more pages than the limit, and a scanned one (no text layer).
 * A file protected only against editing (an owner password, common on government portals) is read.
 */
public final class PdfReader {

    /** Limits on one PDF; defaults suit a department's disclosure (20–60 pages). */
    public record Limits(int maxPages, int maxGlyphsPerPage) {
        public static final Limits DEFAULT = new Limits(300, 50_000);
    }

    static {
        // PDFBox caches the system's font list under the user's home; a container's home may be read-only.
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", System.getProperty("java.io.tmpdir"));
        }
    }

    private PdfReader() {
    }

    /**
     * The checks the intake makes before accepting a PDF, without reading its pages: it opens, it is not protected
     * by a password, it has pages, not more than the limit.
     *
     * @return the page count
     * @throws UndecodableDocumentException when it cannot be read (400)
     * @throws TooManyPagesException when it has more pages than the limit (413)
     */
    public static int check(byte[] bytes, Limits limits) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new UndecodableDocumentException("PDF_UNREADABLE: the PDF has no pages.");
            }
            if (pages > limits.maxPages()) {
                throw new TooManyPagesException(pages, limits.maxPages());
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** More pages than the limit: answered with 413. */
    public static final class TooManyPagesException extends RuntimeException {
        public TooManyPagesException(int pages, int limit) {
            super("PDF_TOO_MANY_PAGES: the PDF has " + pages + " pages; at most " + limit + " are read "
                    + "(budgetlens.ingest.pdf.max-pages).");
        }
    }

    private static UndecodableDocumentException encrypted() {
        return new UndecodableDocumentException("PDF_ENCRYPTED: the PDF is protected by a password and cannot be "
                + "read. Upload a copy without the password.");
    }

    private static UndecodableDocumentException unreadable(Exception e) {
        return new UndecodableDocumentException("PDF_UNREADABLE: the PDF is damaged or not a PDF ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
    }

    public static PdfText read(byte[] bytes, Limits limits) {
        return read(bytes, limits, () -> { });
    }

    /** @param tick called before each page: the caller's deadline check (it may throw to stop reading) */
    public static PdfText read(byte[] bytes, Limits limits, Runnable tick) {
        return read(bytes, limits, tick, null);
    }

    /**
     * Reads the PDF as if it printed other characters where {@code edit} says (the mutation test's hook; see
     * {@link GlyphEdit}). The service never passes one.
     */
    public static PdfText read(byte[] bytes, Limits limits, Runnable tick, GlyphEdit edit) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new UndecodableDocumentException("PDF_UNREADABLE: the PDF has no pages.");
            }
            if (pages > limits.maxPages()) {
                throw new UndecodableDocumentException(new TooManyPagesException(pages, limits.maxPages())
                        .getMessage());
            }
            PageCollector collector = new PageCollector(limits.maxGlyphsPerPage(), tick);
            collector.setSortByPosition(false);
            collector.getText(document);
            if (edit != null) {
                edit.apply(collector.pages());
            }
            PdfText text = PdfLayout.layout(collector.pages());
            if (text.text().codePoints().filter(Character::isLetterOrDigit).count() < 20) {
                throw new UndecodableDocumentException("PDF_NO_TEXT: the PDF has no text layer (" + pages
                        + " page(s) of images: a scanned document). Publish or upload the document with its text, "
                        + "or run OCR on it first.");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            if (e instanceof UndecodableDocumentException u) {
                throw u;
            }
            if (e instanceof ReadStopped stopped) {
                throw stopped; // the caller's budget, not a damaged file
            }
            throw unreadable(e);
        }
    }
}
