package io.budgetlens.ingest.parse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.ContentsEntry;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.events.Section;
import io.budgetlens.ingest.decode.pdf.GlyphEdit;
import io.budgetlens.ingest.decode.pdf.PdfReader;

/**
 * The parser core (plain Java, no CDI, no Kafka): a received document in, a {@link DisclosureParsed} out, never an
 * exception. Input that cannot be read, or is not a disclosure, is REJECTED with reasons. It reads the metadata
 * ({@link MetadataExtractor}), the section tree ({@link SectionParser}), the narrative facts ({@link FactExtractor})
 * and the tables ({@link TableReader}), and builds the summary from the facts ({@link SummaryBuilder}).
 */
public class DisclosureParser {

    /** Version of the parsing logic; a newer version's result supersedes an older one downstream. */
    public static final String VERSION = "0.4.0";

    /** "部门决算", "单位预算", "决算公开", "预算情况说明": the wording that names the kind of a disclosure. */
    static final Pattern KIND = Pattern.compile("(部门|单位)(预算|决算)|(预算|决算)(情况说明|公开)");
    /** {@link #KIND} tried only at 部, 单, 预 and 决 (java.util.regex tries its alternation at every offset). */
    static final StartScan KINDS = StartScan.words(KIND, "部门", "单位", "预算", "决算");
    /** "2024年", "2020年度": the first year printed, which in these documents is the fiscal year of the title. */
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    private final Clock clock;
    private final PdfReader.Limits pdfLimits;
    private final ParseBudget.Limits budget;

    public DisclosureParser(Clock clock) {
        this(clock, PdfReader.Limits.DEFAULT);
    }

    public DisclosureParser(Clock clock, PdfReader.Limits pdfLimits) {
        this(clock, pdfLimits, ParseBudget.Limits.DEFAULT);
    }

    public DisclosureParser(Clock clock, PdfReader.Limits pdfLimits, ParseBudget.Limits budget) {
        this.clock = clock;
        this.pdfLimits = pdfLimits;
        this.budget = budget;
    }

    /** The parse result; REJECTED (never an exception) for what cannot be read, is not a disclosure, or is too costly. */
    public DisclosureParsed parse(DisclosureReceived received) {
        return parseEdited(received, null);
    }

    /**
     * The mutation test's entry (never the service's): the document parsed as if one PDF part printed other characters
     * where {@code edit} says ({@link GlyphEdit}); with a null edit, {@link #parse(DisclosureReceived)}.
     */
    public DisclosureParsed parseEdited(DisclosureReceived received, GlyphEdit edit) {
        try {
            return parse(received, new ParseBudget(budget), edit);
        } catch (ParseBudget.Exceeded e) {
            return rejected(received, List.of(e.getMessage()));
        }
    }

    private DisclosureParsed parse(DisclosureReceived received, ParseBudget budget, GlyphEdit edit) {
        DocumentParts document;
        try {
            document = DocumentParts.read(received.allParts(), pdfLimits, budget, edit);
        } catch (DocumentParts.UnreadablePart e) {
            return rejected(received, List.of(e.getMessage()));
        }
        String text = document.text();
        // The lines of the text, split once for the readers that go through it line by line.
        String[] lines = text.split("\n", -1);
        ContentsDetector.Contents contents = ContentsDetector.detect(text, lines);
        budget.checkTime();
        TableReader.Result tables = TableReader.read(text, lines, document.tables(), document.rangesWithoutGrids(),
                budget);
        budget.checkTime();
        DocumentShape shape = DocumentShape.of(text, lines, tables.tables(), contents);
        List<String> reasons = DisclosureClassifier.rejectionReasons(text, shape);
        if (!reasons.isEmpty()) {
            return rejected(received, reasons);
        }
        List<ParseWarning> warnings = new ArrayList<>();
        document.notes().forEach(note -> warnings.add(new ParseWarning("INPUT", note, null)));
        warnings.addAll(shape.warnings());
        List<String> titles = new ArrayList<>();
        tables.tables().forEach(t -> {
            titles.add(t.title());
            titles.add(t.label());
        });
        contents.entries().forEach(e -> titles.add(e.title()));
        DisclosureMeta meta = MetadataExtractor.extract(text, lines, contents,
                        tables.tables().stream().map(DisclosureTable::title).toList())
                .withTemplateFamily(TableClassifier.family(titles));
        List<Section> sections = SectionParser.parse(text, lines, contents);
        budget.checkTime();
        FactExtractor.Result facts = new FactExtractor(Vocabulary.standard(), budget.limits()).extract(text, lines,
                meta.kind(), meta.fiscalYear(), sections);
        warnings.addAll(facts.warnings());
        budget.checkTime();
        warnings.addAll(tables.warnings());
        warnings.addAll(CodeList.standard().check(tables.tables(), meta.fiscalYear()));
        var summary = SummaryBuilder.build(facts.facts(), tables.tables());
        var performance = PerformanceExtractor.extract(tables.tables());
        List<ContentsEntry> toc = contents.entries().isEmpty() ? null : contents.entries();
        Boolean partial = shape.tablesOnly() ? Boolean.TRUE : null;
        Integer revision = received.revision();
        var parts = document.parsedParts();
        // Spreadsheets: each table's sheet and each cell's A1 reference (no-op for other formats).
        List<DisclosureTable> sheetTables = SheetPlacement.tables(tables.tables(), document.tables());
        if (!document.hasPositions()) {
            return new DisclosureParsed(received.documentId(), ParseStatus.PARSED, VERSION, clock.instant(),
                    received.visibility(), received.contentType(), received.sourceUri(), List.of(), meta, text,
                    sections, facts.facts(), sheetTables, summary, warnings, performance, revision, parts, null,
                    null, toc, partial, received.owner());
        }
        PdfPlacement placement = new PdfPlacement(document);
        List<DisclosureTable> placedTables = placement.tables(sheetTables);
        return new DisclosureParsed(received.documentId(), ParseStatus.PARSED, VERSION, clock.instant(),
                received.visibility(), received.contentType(), received.sourceUri(), List.of(), meta, text,
                sections, placement.facts(facts.facts()), placedTables, placement.summary(summary),
                placement.warnings(warnings), performance, revision, parts, placement.pages(), placement.lines(),
                toc, partial, received.owner());
    }

    private DisclosureParsed rejected(DisclosureReceived received, List<String> reasons) {
        DisclosureParsed r = DisclosureParsed.rejected(received.documentId(), VERSION, clock.instant(),
                received.visibility(), received.contentType(), received.sourceUri(), reasons);
        if (received.revision() == null && received.owner() == null) {
            return r;
        }
        return new DisclosureParsed(r.documentId(), r.status(), r.parserVersion(), r.parsedAt(), r.visibility(),
                r.contentType(), r.sourceUri(), r.rejectionReasons(), r.meta(), r.text(), r.sections(), r.facts(),
                r.tables(), r.summary(), r.warnings(), r.performance(), received.revision(), null, null, null, null,
                null, received.owner());
    }

    static DisclosureMeta meta(String text) {
        Matcher kindMatch = KIND.matcher(text);
        DisclosureKind kind = null;
        String title = null;
        DisclosureScope scope = null;
        if (kindMatch.find()) {
            String word = kindMatch.group(2) != null ? kindMatch.group(2) : kindMatch.group(3);
            kind = "预算".equals(word) ? DisclosureKind.BUDGET : DisclosureKind.FINAL_ACCOUNT;
            int lineStart = text.lastIndexOf('\n', kindMatch.start()) + 1;
            int lineEnd = text.indexOf('\n', kindMatch.end());
            title = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
            if ("部门".equals(kindMatch.group(1))) {
                scope = DisclosureScope.DEPARTMENT;
            } else if ("单位".equals(kindMatch.group(1))) {
                scope = DisclosureScope.UNIT;
            }
        }
        Matcher yearMatch = YEAR.matcher(text);
        Integer year = yearMatch.find() ? Integer.valueOf(yearMatch.group(1)) : null;
        return new DisclosureMeta(kind, scope, year, title, null, null, null, null, null, null, null, null);
    }
}
