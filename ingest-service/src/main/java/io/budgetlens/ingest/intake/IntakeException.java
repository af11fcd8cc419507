package io.budgetlens.ingest.intake;

import jakarta.ws.rs.WebApplicationException;

/**
 * A refused submission: the HTTP status to answer (400, 413, 415, 503) and a message for the sender, answered as
 * problem+json by the services' shared exception mapper.
 */
public class IntakeException extends WebApplicationException {

    public IntakeException(int status, String message) {
        super(message, status);
    }

    public int status() {
        return getResponse().getStatus();
    }
}
