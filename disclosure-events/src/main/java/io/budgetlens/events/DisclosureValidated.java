package io.budgetlens.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Value of {@code disclosure.validated.v1}: the validation report of one parsed disclosure: every rule evaluated
 * with its verdict, all findings, and the completeness score (0..1, share of required tables and narrative items
 * present). A newer rulesetVersion's report supersedes an older one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisclosureValidated(
        String documentId,
        String rulesetVersion,
        String parserVersion,
        Instant validatedAt,
        Visibility visibility,
        List<RuleVerdict> verdicts,
        List<Finding> findings,
        @JsonSerialize(using = Decimals.PlainString.class) BigDecimal completeness,
        Integer revision,
        String owner) {

    /** The v1.0 shape. */
    public DisclosureValidated(String documentId, String rulesetVersion, String parserVersion, Instant validatedAt,
                               Visibility visibility, List<RuleVerdict> verdicts, List<Finding> findings,
                               BigDecimal completeness) {
        this(documentId, rulesetVersion, parserVersion, validatedAt, visibility, verdicts, findings, completeness, null,
                null);
    }


    public static final String TYPE = "io.budgetlens.disclosure.validated.v1";

    public long count(Severity severity) {
        return findings == null ? 0 : findings.stream().filter(f -> f.severity() == severity).count();
    }
}
