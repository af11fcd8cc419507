package io.budgetlens.validation.rules;

import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.Severity;

/**
 * Catalogue entry of a rule: stable id (BAL-001…), bilingual title, the identity it checks, category, default
 * severity and the document kinds and scopes it applies to.
 */
public record RuleDescriptor(String id, String titleZh, String titleEn, String identity, Category category,
                             Severity severity, Set<DisclosureKind> kinds, Set<DisclosureScope> scopes) {

    /** A rule for both scopes (部门 and 单位 disclosures). */
    public RuleDescriptor(String id, String titleZh, String titleEn, String identity, Category category,
                          Severity severity, Set<DisclosureKind> kinds) {
        this(id, titleZh, titleEn, identity, category, severity, kinds,
                Set.of(DisclosureScope.DEPARTMENT, DisclosureScope.UNIT));
    }
}
