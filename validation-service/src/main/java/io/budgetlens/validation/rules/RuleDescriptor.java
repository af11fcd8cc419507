package io.budgetlens.validation.rules;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.Severity;

/**
 * Catalogue entry of a rule: stable id (BAL-001…), bilingual title, the identity it checks, category, default
 * severity, the document kinds and scopes it applies to, and its family.
 */
public record RuleDescriptor(String id, String titleZh, String titleEn, String identity, Category category,
                             Severity severity, Set<DisclosureKind> kinds, Set<DisclosureScope> scopes) {

    /** The rule families of RULES.md, by id prefix. */
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("NAR", "NARRATIVE_ARITHMETIC"), Map.entry("CHG", "NARRATIVE_ARITHMETIC"),
            Map.entry("SHR", "NARRATIVE_ARITHMETIC"), Map.entry("DER", "NARRATIVE_ARITHMETIC"),
            Map.entry("CMP", "COMPARISON_WORDS"), Map.entry("BAL", "TABLES"), Map.entry("SRC", "TABLES"),
            Map.entry("SUM", "TABLES"), Map.entry("TBL", "TABLES"), Map.entry("XTB", "TABLES"),
            Map.entry("TPB", "TABLES"), Map.entry("DUP", "TABLES"), Map.entry("CODE", "TABLES"),
            Map.entry("PERF", "TABLES"), Map.entry("TXT", "UNITS_AND_TEXT_AGAINST_TABLES"),
            Map.entry("UNIT", "UNITS_AND_TEXT_AGAINST_TABLES"), Map.entry("HYG", "DOCUMENT_HYGIENE"),
            Map.entry("COMP", "COMPLETENESS"));

    /** The family of the rule (NARRATIVE_ARITHMETIC, COMPARISON_WORDS, TABLES, …), as RULES.md groups them. */
    @JsonProperty
    public String family() {
        return FAMILIES.getOrDefault(id.substring(0, id.indexOf('-')), "OTHER");
    }

    /** A rule for both scopes (部门 and 单位 disclosures). */
    public RuleDescriptor(String id, String titleZh, String titleEn, String identity, Category category,
                          Severity severity, Set<DisclosureKind> kinds) {
        this(id, titleZh, titleEn, identity, category, severity, kinds,
                Set.of(DisclosureScope.DEPARTMENT, DisclosureScope.UNIT));
    }
}
