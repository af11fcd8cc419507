package io.budgetlens.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.ContentsEntry;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Fact;
import io.budgetlens.events.PageLayout;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.events.ParsedPart;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.Section;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.TextLine;
import io.budgetlens.events.Visibility;

/**
 * Parse results for tests, naming only what a test is about: {@code ParsedBuilder.from(corpus).documentId(id).build()}
 * for a variant of a fixture, {@code ParsedBuilder.parsed().facts(...).build()} for a small one built by hand.
 */
public final class ParsedBuilder {

    private String documentId;
    private ParseStatus status;
    private String parserVersion;
    private Instant parsedAt;
    private Visibility visibility;
    private String contentType;
    private String sourceUri;
    private List<String> rejectionReasons;
    private DisclosureMeta meta;
    private String text;
    private List<Section> sections;
    private List<Fact> facts;
    private List<DisclosureTable> tables;
    private Map<String, SummaryEntry> summary;
    private List<ParseWarning> warnings;
    private List<PerformanceEvaluation> performance;
    private Integer revision;
    private List<ParsedPart> parts;
    private List<PageLayout> pages;
    private List<TextLine> lines;
    private List<ContentsEntry> contents;
    private Boolean partial;
    private String owner;

    private ParsedBuilder() {
    }

    /** A PARSED public disclosure with no content, the id "aaa…a", parsed at the epoch by parser "test". */
    public static ParsedBuilder parsed() {
        ParsedBuilder b = new ParsedBuilder();
        b.documentId = "a".repeat(64);
        b.status = ParseStatus.PARSED;
        b.parserVersion = "test";
        b.parsedAt = Instant.EPOCH;
        b.visibility = Visibility.PUBLIC;
        b.contentType = "text/plain";
        b.rejectionReasons = List.of();
        b.text = "";
        b.sections = List.of();
        b.facts = List.of();
        b.tables = List.of();
        b.summary = Map.of();
        b.warnings = List.of();
        b.performance = List.of();
        return b;
    }

    /** Everything as in {@code p}, to change some of it. */
    public static ParsedBuilder from(DisclosureParsed p) {
        ParsedBuilder b = new ParsedBuilder();
        b.documentId = p.documentId();
        b.status = p.status();
        b.parserVersion = p.parserVersion();
        b.parsedAt = p.parsedAt();
        b.visibility = p.visibility();
        b.owner = p.owner();
        b.contentType = p.contentType();
        b.sourceUri = p.sourceUri();
        b.rejectionReasons = p.rejectionReasons();
        b.meta = p.meta();
        b.text = p.text();
        b.sections = p.sections();
        b.facts = p.facts();
        b.tables = p.tables();
        b.summary = p.summary();
        b.warnings = p.warnings();
        b.performance = p.performance();
        b.revision = p.revision();
        b.parts = p.parts();
        b.pages = p.pages();
        b.lines = p.lines();
        b.contents = p.contents();
        b.partial = p.partial();
        b.owner = p.owner();
        return b;
    }

    public ParsedBuilder documentId(String value) {
        documentId = value;
        return this;
    }

    public ParsedBuilder parserVersion(String value) {
        parserVersion = value;
        return this;
    }

    public ParsedBuilder contentType(String value) {
        contentType = value;
        return this;
    }

    public ParsedBuilder visibility(Visibility value) {
        visibility = value;
        return this;
    }

    public ParsedBuilder meta(DisclosureMeta value) {
        meta = value;
        return this;
    }

    public ParsedBuilder text(String value) {
        text = value;
        return this;
    }

    public ParsedBuilder sections(List<Section> value) {
        sections = value;
        return this;
    }

    public ParsedBuilder facts(List<Fact> value) {
        facts = value;
        return this;
    }

    public ParsedBuilder tables(List<DisclosureTable> value) {
        tables = value;
        return this;
    }

    public ParsedBuilder summary(Map<String, SummaryEntry> value) {
        summary = value;
        return this;
    }

    public ParsedBuilder warnings(List<ParseWarning> value) {
        warnings = value;
        return this;
    }

    public ParsedBuilder performance(List<PerformanceEvaluation> value) {
        performance = value;
        return this;
    }

    public ParsedBuilder parsedAt(Instant value) {
        parsedAt = value;
        return this;
    }

    public ParsedBuilder revision(Integer value) {
        revision = value;
        return this;
    }

    public ParsedBuilder parts(List<ParsedPart> value) {
        parts = value;
        return this;
    }

    public ParsedBuilder pages(List<PageLayout> value) {
        pages = value;
        return this;
    }

    public ParsedBuilder lines(List<TextLine> value) {
        lines = value;
        return this;
    }

    public ParsedBuilder contents(List<ContentsEntry> value) {
        contents = value;
        return this;
    }

    public ParsedBuilder partial(Boolean value) {
        partial = value;
        return this;
    }

    /** The draft's owner (contract v1.1): the subject that uploaded it. */
    public ParsedBuilder owner(String value) {
        owner = value;
        return this;
    }

    public DisclosureParsed build() {
        return new DisclosureParsed(documentId, status, parserVersion, parsedAt, visibility, contentType, sourceUri,
                rejectionReasons, meta, text, sections, facts, tables, summary, warnings, performance, revision, parts,
                pages, lines, contents, partial, owner);
    }
}
