package io.budgetlens.ingest.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decoding pipeline in front of the parser: format sniffing, charset decoding, HTML rendering (with tables as
 * grids), full-width normalisation. Plain Java. Offsets of tables are into the normalised text.
 */
public final class DocumentReader {

    private DocumentReader() {
    }

    public static DecodedDocument read(byte[] bytes, String declaredMediaType, String declaredCharset) {
        String declared = declaredMediaType == null || declaredMediaType.isBlank() ? null
                : declaredMediaType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        DocumentFormat format = FormatSniffer.sniff(declared, bytes);
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

    /** The normalised offset of an original offset (the first normalised character at or after it). */
    static int toNormalized(TextNormalizer.Normalized normalized, int originalOffset) {
        int i = Arrays.binarySearch(normalized.toOriginal(), originalOffset);
        return i >= 0 ? i : -i - 1;
    }
}
