package io.budgetlens.events;

/** Kind of check a finding comes from. CROSS_DOCUMENT findings are computed by the reporting service. */
public enum Category {
    BALANCE,
    HIERARCHY,
    CROSS_TABLE,
    TEXT_VS_TABLE,
    CHANGE,
    SHARE,
    DERIVED,
    PERFORMANCE,
    DUPLICATE,
    COMPLETENESS,
    CODE_LIST,
    CROSS_DOCUMENT
}
