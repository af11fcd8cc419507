package io.budgetlens.reporting.store;

/** Lifecycle of a stored disclosure. The rank orders the states: a status never goes backwards. */
public enum DisclosureStatus {
    RECEIVED(0),
    PARSED(1),
    VALIDATED(2),
    REJECTED(2);

    private final int rank;

    DisclosureStatus(int rank) {
        this.rank = rank;
    }

    /** Whether moving from this status to {@code next} goes forward. */
    public boolean canMoveTo(DisclosureStatus next) {
        return next.rank > rank;
    }
}
