package io.budgetlens.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;

import io.budgetlens.events.EventJson;
import io.budgetlens.events.Finding;
import io.budgetlens.reporting.store.DisclosureEntity;

/** JSON view of one stored disclosure: status, metadata, versions, finding counts and findings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosureView(String documentId, String status, String visibility, Meta meta, String contentType,
                             String sourceUri, String filename, Long sizeBytes, Instant receivedAt, String parserVersion,
                             String rulesetVersion, List<String> rejectionReasons, Map<String, Integer> findingCounts,
                             BigDecimal completeness, List<Finding> findings) {

    /** What the disclosure is, as the parser read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(String kind, String scope, Integer fiscalYear, String title, String department,
                       String province, String district) {
    }

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    static DisclosureView of(DisclosureEntity e, boolean withFindings) {
        Meta meta = new Meta(e.kind == null ? null : e.kind.name(), e.scope == null ? null : e.scope.name(),
                e.fiscalYear, e.title, e.department, e.province, e.district);
        List<String> reasons = e.rejectionReasons == null ? null : Arrays.asList(e.rejectionReasons.split("\n"));
        List<Finding> findings = null;
        if (withFindings && e.findings != null) {
            try {
                findings = EventJson.mapper().readValue(e.findings, FINDINGS);
            } catch (Exception ex) {
                throw new IllegalStateException("Stored findings of " + e.documentId + " are not valid JSON", ex);
            }
        }
        return new DisclosureView(e.documentId, e.status.name(), e.visibility.name(), meta, e.contentType,
                e.sourceUri, e.filename, e.sizeBytes, e.receivedAt, e.parserVersion, e.rulesetVersion, reasons,
                Map.of("ERROR", e.errorCount, "WARNING", e.warningCount, "INFO", e.infoCount), e.completeness,
                findings);
    }
}
