package io.budgetlens.events;

/** BUDGET (预算: plans for the fiscal year) or FINAL_ACCOUNT (决算: actual spending of the fiscal year). */
public enum DisclosureKind {
    BUDGET,
    FINAL_ACCOUNT
}
