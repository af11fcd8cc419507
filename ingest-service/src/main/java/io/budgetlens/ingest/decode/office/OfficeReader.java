package io.budgetlens.ingest.decode.office;

import org.apache.poi.openxml4j.util.ZipSecureFile;

import io.budgetlens.ingest.decode.DocumentFormat;

/**
 * Spreadsheets (XLSX, XLS) and Word documents (DOCX) read into what the PDF reader gives for a PDF: the text and
 * the tables as grids (see {@link OfficeText}). Plain Java. {@link #check} is what the intake runs before accepting
 * a file: the container is opened and its limits checked (ZIP bomb, sheet count, stored cells), nothing is laid out.
 * Refusals are {@link io.budgetlens.ingest.decode.UndecodableDocumentException}s with a coded reason
 * ({@code OFFICE_UNREADABLE}, {@code OFFICE_ENCRYPTED}), and {@link OfficeLimitException}s for the limits
 * ({@code OFFICE_ZIP_BOMB}, {@code OFFICE_TOO_MANY_SHEETS}, {@code OFFICE_SHEET_TOO_LARGE}, {@code OFFICE_TOO_LARGE}).
 */
public final class OfficeReader {

    static {
        // POI's own guard while it inflates parts, behind OfficeContainer.checkZip: the same limits.
        ZipSecureFile.setMinInflateRatio(1.0 / OfficeLimits.DEFAULT.maxCompressionRatio());
        ZipSecureFile.setMaxEntrySize(OfficeLimits.DEFAULT.maxUnpackedBytes());
        ZipSecureFile.setMaxFileCount(OfficeLimits.DEFAULT.maxEntries());
    }

    private OfficeReader() {
    }

    /** The intake's checks, without reading the cells or the text. */
    public static void check(byte[] bytes, DocumentFormat format, OfficeLimits limits) {
        switch (format) {
            case XLSX -> XlsxReader.check(bytes, limits);
            case XLS -> XlsReader.check(bytes, limits);
            case DOCX -> DocxReader.check(bytes, limits);
            default -> throw new IllegalArgumentException("not an Office format: " + format);
        }
    }

    public static OfficeText read(byte[] bytes, DocumentFormat format, OfficeLimits limits) {
        return switch (format) {
            case XLSX -> XlsxReader.read(bytes, limits);
            case XLS -> XlsReader.read(bytes, limits);
            case DOCX -> DocxReader.read(bytes, limits);
            default -> throw new IllegalArgumentException("not an Office format: " + format);
        };
    }
}
