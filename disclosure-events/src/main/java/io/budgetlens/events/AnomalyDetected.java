package io.budgetlens.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Value of {@code disclosure.anomaly.v1}: one WARNING or ERROR finding, with enough of the disclosure's metadata
 * to route an alert without reading the report. {@code findingIndex} is the finding's position in the report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnomalyDetected(
        String documentId,
        String rulesetVersion,
        int findingIndex,
        Instant detectedAt,
        Visibility visibility,
        DisclosureMeta meta,
        Finding finding,
        Integer revision,
        String owner) {

    /** The v1.0 shape. */
    public AnomalyDetected(String documentId, String rulesetVersion, int findingIndex, Instant detectedAt,
                           Visibility visibility, DisclosureMeta meta, Finding finding) {
        this(documentId, rulesetVersion, findingIndex, detectedAt, visibility, meta, finding, null, null);
    }

    public static final String TYPE = "io.budgetlens.disclosure.anomaly.v1";
}
