package io.budgetlens.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.budgetlens.events.Decimals;
import io.budgetlens.reporting.store.DisclosureEntity;

/**
 * One stored disclosure: status, metadata and identity, versions, the parsed content (summary, facts, tables,
 * sections, normalised text that evidence offsets point into), rule verdict counts, completeness and findings; the
 * newest revision received and the revisions parsed and validated (a part added makes a new one), and its parts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosureView(String documentId, String status, String visibility, Meta meta, Identity identity,
                             String contentType, String sourceUri, String filename, Long sizeBytes,
                             Instant receivedAt, String parserVersion, String rulesetVersion,
                             List<String> rejectionReasons, Map<String, Integer> findingCounts,
                             Map<String, Integer> verdictCounts,
                             @JsonSerialize(using = Decimals.PlainString.class) BigDecimal completeness,
                             @JsonRawValue String summary, List<FindingView> findings, @JsonRawValue String facts,
                             @JsonRawValue String tables, @JsonRawValue String sections,
                             @JsonRawValue String parseWarnings, @JsonRawValue String performance,
                             @JsonRawValue String verdicts, String text, int revision, Integer parsedRevision,
                             Integer validatedRevision, @JsonRawValue String parts) {

    /** What the disclosure is, as the parser read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(String kind, String scope, Integer fiscalYear, String title, String department,
                       String budgetUnitCode, String province, String district, String region,
                       LocalDate publicationDate) {
    }

    /** The identity (department, fiscal year, kind, scope) and whether this is its latest public document. */
    public record Identity(String departmentKey, Integer fiscalYear, String kind, String scope, boolean latest) {
    }

    static DisclosureView of(DisclosureEntity e, List<FindingView> findings, Map<String, Integer> verdictCounts) {
        Meta meta = new Meta(name(e.kind), name(e.scope), e.fiscalYear, e.title, e.department, e.budgetUnitCode,
                e.province, e.district, e.region, e.publicationDate);
        List<String> reasons = e.rejectionReasons == null ? null : Arrays.asList(e.rejectionReasons.split("\n"));
        int errors = e.errorCount + e.crossErrorCount;
        int warnings = e.warningCount + e.crossWarningCount;
        return new DisclosureView(e.documentId, e.status.name(), e.visibility.name(), meta,
                new Identity(e.departmentKey, e.fiscalYear, name(e.kind), name(e.scope), e.latest), e.contentType,
                e.sourceUri, e.filename, e.sizeBytes, e.receivedAt, e.parserVersion, e.rulesetVersion, reasons,
                Map.of("ERROR", errors, "WARNING", warnings, "INFO", e.infoCount), verdictCounts, e.completeness,
                e.summary, findings, e.facts, e.tables, e.sections, e.parseWarnings, e.performance, e.verdicts,
                e.text, e.revision, e.parsedRevision, e.validatedRevision, e.parts);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
