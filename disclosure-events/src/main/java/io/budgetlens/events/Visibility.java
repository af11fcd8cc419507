package io.budgetlens.events;

/** Who may see a document: PUBLIC (a published disclosure) or DRAFT (a finance officer's unpublished check). */
public enum Visibility {
    PUBLIC,
    DRAFT
}
