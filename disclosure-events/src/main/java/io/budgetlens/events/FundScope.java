package io.budgetlens.events;

/**
 * Whose money a figure counts (docs/domain.md §7): every source (ALL_FUNDS), appropriations only
 * (FISCAL_APPROPRIATION: 一般公共预算 + 政府性基金 + 国有资本经营) or the general public budget only.
 */
public enum FundScope {
    ALL_FUNDS,
    FISCAL_APPROPRIATION,
    GENERAL_PUBLIC_BUDGET
}
