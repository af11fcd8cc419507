package io.budgetlens.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Value of {@code disclosure.parsed.v1}: the structured disclosure (metadata, normalised text, sections, facts,
 * tables, summary, warnings, performance tables) or, with status REJECTED, the reasons the input is not a disclosure.
 * All evidence offsets point into {@code text}. A newer parserVersion's result supersedes an older one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisclosureParsed(
        String documentId,
        ParseStatus status,
        String parserVersion,
        Instant parsedAt,
        Visibility visibility,
        String contentType,
        String sourceUri,
        List<String> rejectionReasons,
        DisclosureMeta meta,
        String text,
        List<Section> sections,
        List<Fact> facts,
        List<DisclosureTable> tables,
        Map<String, SummaryEntry> summary,
        List<ParseWarning> warnings,
        List<PerformanceEvaluation> performance,
        Integer revision,
        List<ParsedPart> parts,
        List<PageLayout> pages,
        List<TextLine> lines,
        List<ContentsEntry> contents,
        Boolean partial,
        String owner) {

    public static final String TYPE = "io.budgetlens.disclosure.parsed.v1";

    /** The v1.0 shape. */
    public DisclosureParsed(String documentId, ParseStatus status, String parserVersion, Instant parsedAt,
                            Visibility visibility, String contentType, String sourceUri, List<String> rejectionReasons,
                            DisclosureMeta meta, String text, List<Section> sections, List<Fact> facts,
                            List<DisclosureTable> tables, Map<String, SummaryEntry> summary,
                            List<ParseWarning> warnings, List<PerformanceEvaluation> performance) {
        this(documentId, status, parserVersion, parsedAt, visibility, contentType, sourceUri, rejectionReasons, meta,
                text, sections, facts, tables, summary, warnings, performance, null, null, null, null, null, null,
                null);
    }

    /** The revision number (1 unless parts were added later). */
    public int revisionNumber() {
        return revision == null ? 1 : revision;
    }

    /** Whether the document is only tables (a partial disclosure). */
    @JsonIgnore
    public boolean isPartial() {
        return Boolean.TRUE.equals(partial);
    }

    public static DisclosureParsed rejected(String documentId, String parserVersion, Instant parsedAt,
                                            Visibility visibility, String contentType, String sourceUri,
                                            List<String> reasons) {
        return new DisclosureParsed(documentId, ParseStatus.REJECTED, parserVersion, parsedAt, visibility, contentType,
                sourceUri, List.copyOf(reasons), DisclosureMeta.empty(), null, List.of(), List.of(), List.of(),
                Map.of(), List.of(), List.of());
    }

    /** Convenience for consumers: the summary value of a key, or null when the document does not state it. */
    public BigDecimal summaryValue(String key) {
        SummaryEntry entry = summary == null ? null : summary.get(key);
        return entry == null ? null : entry.value();
    }
}
