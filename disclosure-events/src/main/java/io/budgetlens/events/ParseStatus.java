package io.budgetlens.events;

/** PARSED: a disclosure was read. REJECTED: the input is not a disclosure; reasons say why. */
public enum ParseStatus {
    PARSED,
    REJECTED
}
