package io.budgetlens.ingest.decode;

/**
 * Reading was stopped on purpose by the caller (its budget or deadline), not because the input is damaged: passed
 * through by the readers unchanged.
 */
public class ReadStopped extends RuntimeException {

    public ReadStopped(String message) {
        super(message);
    }
}
