package io.budgetlens.ingest.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.budgetlens.ingest.decode.office.OfficeLimits;
import io.budgetlens.ingest.decode.office.OfficeReader;
import io.budgetlens.ingest.decode.office.OfficeText;
import io.budgetlens.ingest.decode.pdf.GlyphEdit;
import io.budgetlens.ingest.decode.pdf.PdfReader;
import io.budgetlens.ingest.decode.pdf.PdfText;

/**
 * The decoding pipeline in front of the parser: format sniffing, charset decoding, HTML rendering (with tables as
 * grids), PDF, spreadsheet and Word reading, full-width normalisation. Plain Java. Offsets of tables are into the normalised text.
 */
public final class DocumentReader {

    private DocumentReader() {
    }

    public static DecodedDocument read(byte[] bytes, String declaredMediaType, String declaredCharset) {
        return read(bytes, declaredMediaType, declaredCharset, PdfReader.Limits.DEFAULT);
    }

    public static DecodedDocument read(byte[] bytes, String declaredMediaType, String declaredCharset,
                                       PdfReader.Limits pdfLimits) {
        return read(bytes, declaredMediaType, declaredCharset, pdfLimits, () -> { });
    }

    /** @param tick called as pages are read: the caller's deadline check */
    public static DecodedDocument read(byte[] bytes, String declaredMediaType, String declaredCharset,
                                       PdfReader.Limits pdfLimits, Runnable tick) {
        return read(bytes, declaredMediaType, declaredCharset, pdfLimits, tick, null);
    }

    /** @param pdfEdit null, or (the mutation test only) printed characters of a PDF read as others: {@link GlyphEdit} */
    public static DecodedDocument read(byte[] bytes, String declaredMediaType, String declaredCharset,
                                       PdfReader.Limits pdfLimits, Runnable tick, GlyphEdit pdfEdit) {
        DocumentFormat format = format(bytes, declaredMediaType);
        if (format == DocumentFormat.PDF) {
            return fromPdf(PdfReader.read(bytes, pdfLimits, tick, pdfEdit));
        }
        if (format.isOffice()) {
            return fromOffice(format, OfficeReader.read(bytes, format, OfficeLimits.DEFAULT));
        }
        DocumentDecoder.Result decoded = DocumentDecoder.decode(bytes, format, declaredCharset);
        String original;
        List<TextTable> tables;
        if (format == DocumentFormat.HTML) {
            HtmlRenderer.Rendered rendered = HtmlRenderer.render(decoded.text());
            original = rendered.text();
            tables = rendered.tables();
        } else {
            original = decoded.text();
            tables = List.of();
        }
        TextNormalizer.Normalized normalized = TextNormalizer.normalize(original);
        List<TextTable> shifted = new ArrayList<>(tables.size());
        for (TextTable table : tables) {
            shifted.add(new TextTable(toNormalized(normalized, table.start()), toNormalized(normalized, table.end()),
                    table.grid()));
        }
        return new DecodedDocument(format, decoded.charset(), normalized.text(), original, normalized.toOriginal(),
                shifted, decoded.notes());
    }

    /** The format of a body: declared type and magic number (see {@link FormatSniffer}). */
    public static DocumentFormat format(byte[] bytes, String declaredMediaType) {
        String declared = declaredMediaType == null || declaredMediaType.isBlank() ? null
                : declaredMediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return FormatSniffer.sniff(declared, bytes);
    }

    private static DecodedDocument fromPdf(PdfText pdf) {
        TextNormalizer.Normalized normalized = TextNormalizer.normalize(pdf.text());
        List<TextTable> shifted = new ArrayList<>(pdf.tables().size());
        for (TextTable table : pdf.tables()) {
            shifted.add(new TextTable(toNormalized(normalized, table.start()), toNormalized(normalized, table.end()),
                    table.grid(), table.placements()));
        }
        return new DecodedDocument(DocumentFormat.PDF, null, normalized.text(), pdf.text(), normalized.toOriginal(),
                shifted, pdf.notes(), pdf);
    }

    private static DecodedDocument fromOffice(DocumentFormat format, OfficeText office) {
        if (office.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new UndecodableDocumentException("OFFICE_EMPTY: the " + format + " file holds no text.");
        }
        TextNormalizer.Normalized normalized = TextNormalizer.normalize(office.text());
        List<TextTable> shifted = new ArrayList<>(office.tables().size());
        for (TextTable table : office.tables()) {
            shifted.add(table.at(toNormalized(normalized, table.start()), toNormalized(normalized, table.end())));
        }
        return new DecodedDocument(format, null, normalized.text(), office.text(), normalized.toOriginal(), shifted,
                office.notes());
    }

    /** The normalised offset of an original offset (the first normalised character at or after it). */
    static int toNormalized(TextNormalizer.Normalized normalized, int originalOffset) {
        int i = Arrays.binarySearch(normalized.toOriginal(), originalOffset);
        return i >= 0 ? i : -i - 1;
    }
}
