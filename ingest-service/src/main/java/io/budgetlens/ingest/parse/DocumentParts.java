package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.budgetlens.events.PageLayout;
import io.budgetlens.events.ParsedPart;
import io.budgetlens.events.ReceivedPart;
import io.budgetlens.events.TextLine;
import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.ingest.decode.DocumentReader;
import io.budgetlens.ingest.decode.TextTable;
import io.budgetlens.ingest.decode.pdf.GlyphEdit;
import io.budgetlens.ingest.decode.pdf.PdfReader;
import io.budgetlens.ingest.decode.pdf.PdfText;

/**
 * The files of one disclosure read as one text (contract v1.1): each part decoded, parts with narrative first and
 * table-only parts after them (each group by ascending sha-256, so the order the files were given in does not
 * matter), their texts joined by a blank line, their tables and page positions shifted into the joined text. A
 * document of one part is that part, exactly as before.
 */
final class DocumentParts {

    /** One decoded part and its [start, end) range of the joined text. */
    record Part(ReceivedPart source, DecodedDocument decoded, String role, int start, int end) {
    }

    /** A part that cannot be read, with the reason. */
    static final class UnreadablePart extends RuntimeException {
        UnreadablePart(String message) {
            super(message);
        }
    }

    static final String SEPARATOR = "\n\n";

    private final List<Part> parts;
    private final String text;
    private final List<TextTable> tables;

    private DocumentParts(List<Part> parts, String text, List<TextTable> tables) {
        this.parts = parts;
        this.text = text;
        this.tables = tables;
    }

    static DocumentParts read(List<ReceivedPart> received, PdfReader.Limits limits) {
        return read(received, limits, new ParseBudget(ParseBudget.Limits.DEFAULT));
    }

    static DocumentParts read(List<ReceivedPart> received, PdfReader.Limits limits, ParseBudget budget) {
        return read(received, limits, budget, null);
    }

    /** @param edit null, or (the mutation test only) printed characters of one PDF part read as others */
    static DocumentParts read(List<ReceivedPart> received, PdfReader.Limits limits, ParseBudget budget,
                              GlyphEdit edit) {
        record Decoded(ReceivedPart source, DecodedDocument document, String role) {
        }
        List<Decoded> decoded = new ArrayList<>();
        for (ReceivedPart part : received) {
            DecodedDocument document;
            try {
                document = DocumentReader.read(part.content(), part.contentType(), part.charset(), limits,
                        budget::checkTime, edit != null && edit.sha256().equals(part.sha256()) ? edit : null);
            } catch (ParseBudget.Exceeded e) {
                throw e;
            } catch (RuntimeException e) {
                String name = part.filename() == null ? part.sha256().substring(0, 12) : part.filename();
                throw new UnreadablePart(received.size() == 1 ? e.getMessage() : "Part " + name + ": " + e.getMessage());
            }
            String role = ParsedPart.NARRATIVE;
            if (received.size() > 1) {
                String t = document.text();
                var contents = ContentsDetector.detect(t);
                var shape = DocumentShape.of(t, TableReader.read(t, document.tables()).tables(), contents);
                role = shape.tablesOnly() ? ParsedPart.TABLES : ParsedPart.NARRATIVE;
            }
            decoded.add(new Decoded(part, document, role));
        }
        decoded.sort(Comparator.comparing((Decoded d) -> ParsedPart.TABLES.equals(d.role()) ? 1 : 0)
                .thenComparing(d -> d.source().sha256()));
        StringBuilder text = new StringBuilder();
        List<Part> parts = new ArrayList<>();
        List<TextTable> tables = new ArrayList<>();
        for (Decoded d : decoded) {
            if (text.length() > 0) {
                text.append(SEPARATOR);
            }
            int start = text.length();
            text.append(d.document().text());
            parts.add(new Part(d.source(), d.document(), d.role(), start, text.length()));
            for (TextTable t : d.document().tables()) {
                tables.add(t.at(t.start() + start, t.end() + start));
            }
        }
        budget.checkText(text.length());
        return new DocumentParts(List.copyOf(parts), text.toString(), List.copyOf(tables));
    }

    String text() {
        return text;
    }

    List<TextTable> tables() {
        return tables;
    }

    List<Part> parts() {
        return parts;
    }

    boolean multiple() {
        return parts.size() > 1;
    }

    /** The ranges of parts that come without grids (text and Markdown), where tables are found in the text itself. */
    List<int[]> rangesWithoutGrids() {
        return parts.stream().filter(p -> p.decoded().tables().isEmpty()).map(p -> new int[] {p.start(), p.end()})
                .toList();
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (Part p : parts) {
            String prefix = multiple() ? "Part " + name(p) + ": " : "";
            p.decoded().notes().forEach(n -> notes.add(prefix + n));
        }
        return notes;
    }

    boolean hasPositions() {
        return parts.stream().anyMatch(p -> p.decoded().pdf() != null);
    }

    /** The 1-based part number of an offset, or null for a single-part document. */
    Integer partNumber(int offset) {
        if (!multiple()) {
            return null;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (offset < parts.get(i).end() + SEPARATOR.length()) {
                return i + 1;
            }
        }
        return parts.size();
    }

    /** Page and box of [start, end) of the joined text, with its part number. */
    Located place(int start, int end) {
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (start >= p.start() && start < p.end()) {
                PdfText.Placed placed = p.decoded().place(start - p.start(), Math.min(end, p.end()) - p.start());
                return placed == null ? null : new Located(placed, multiple() ? i + 1 : null);
            }
        }
        return null;
    }

    record Located(PdfText.Placed placed, Integer part) {
    }

    /** The pages of the PDF parts, each with its part's number and its offsets in the joined text. */
    List<PageLayout> pages() {
        return acrossPdfParts(PdfText::pages, (p, part, page) -> new PageLayout(part, page.number(), page.width(),
                page.height(), page.rotation(), p.start() + normalized(p.decoded(), page.start()),
                p.start() + normalized(p.decoded(), page.end())));
    }

    /** The printed lines of the PDF parts, each with its offsets in the joined text and its part's number. */
    List<TextLine> lines() {
        return acrossPdfParts(PdfText::lines, (p, part, l) -> new TextLine(p.start() + normalized(p.decoded(), l.start()),
                p.start() + normalized(p.decoded(), l.end()), part, l.page(), l.box()));
    }

    /** One item of a PDF part (a page, a line) in the parsed event's terms. */
    @FunctionalInterface
    private interface PartItem<T, R> {
        R map(Part p, Integer part, T item);
    }

    /** The items of every PDF part in order; the part number only when the document has several parts. */
    private <T, R> List<R> acrossPdfParts(Function<PdfText, List<T>> items, PartItem<T, R> mapping) {
        List<R> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p.decoded().pdf() == null) {
                continue;
            }
            Integer part = multiple() ? i + 1 : null;
            for (T item : items.apply(p.decoded().pdf())) {
                out.add(mapping.map(p, part, item));
            }
        }
        return out;
    }

    /** The parts as the parsed event lists them (only for documents of several parts). */
    List<ParsedPart> parsedParts() {
        if (!multiple()) {
            return null;
        }
        return parts.stream().map(p -> new ParsedPart(p.source().sha256(), p.source().filename(),
                p.decoded().format().mediaType(), p.role(),
                p.decoded().pdf() == null ? null : p.decoded().pdf().pages().size(), p.start(), p.end())).toList();
    }

    static String name(Part p) {
        return p.source().filename() == null ? p.source().sha256().substring(0, 12) : p.source().filename();
    }

    /** The normalised offset of an offset of a part's PDF text. */
    private static int normalized(DecodedDocument decoded, int original) {
        int[] map = decoded.toOriginal();
        int lo = 0;
        int hi = decoded.text().length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (map[mid] < original) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
