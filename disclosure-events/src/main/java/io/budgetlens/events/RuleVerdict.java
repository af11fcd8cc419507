package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A rule evaluated on a document: its verdict, how many checks it made and how many were broken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleVerdict(String ruleId, Category category, Verdict verdict, int checks, int broken) {
}
