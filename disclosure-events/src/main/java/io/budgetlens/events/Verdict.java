package io.budgetlens.events;

/**
 * Outcome of one rule on one document. HOLDS: exact. WITHIN_ROUNDING: consistent only thanks to rounding.
 * BROKEN: outside the interval rounding allows (a finding). NOT_APPLICABLE: the inputs are absent.
 */
public enum Verdict {
    HOLDS,
    WITHIN_ROUNDING,
    BROKEN,
    NOT_APPLICABLE
}
