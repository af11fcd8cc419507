package io.budgetlens.events;

/** How serious a finding is. Only WARNING and ERROR findings are also published on disclosure.anomaly.v1. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public boolean isAnomaly() {
        return this != INFO;
    }
}
