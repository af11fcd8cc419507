package io.budgetlens.reporting.query;

import jakarta.ws.rs.BadRequestException;

/**
 * A query parameter with a value that is not allowed: which parameter, the value given and what is allowed. The API
 * answers it as 400 problem+json with the English message; the dashboard shows it in the reader's language.
 */
public class BadParameterException extends BadRequestException {

    private final String parameter;
    private final String value;
    private final String allowed;

    public BadParameterException(String parameter, String value, String allowed, String message) {
        super(message);
        this.parameter = parameter;
        this.value = value;
        this.allowed = allowed;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    /** What the parameter takes, e.g. "error, warning, info" or "1990–2100". */
    public String allowed() {
        return allowed;
    }
}
