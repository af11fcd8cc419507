package io.budgetlens.ingest.intake;

/** A refused submission: the HTTP status to answer (400, 413, 415, 503) and a message for the sender. */
public class IntakeException extends RuntimeException {

    private final int status;

    public IntakeException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
