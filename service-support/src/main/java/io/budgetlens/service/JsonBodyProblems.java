package io.budgetlens.service;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON request body that cannot be read — not JSON, or JSON of another shape ({@code [1, 2]} where an object is
 * expected, a list where a string is) — is a 400 problem that says what the reader found wrong. Without these mappers
 * Quarkus answers the second case with an empty 400 (its built-in mapper for {@link MismatchedInputException}).
 */
public class JsonBodyProblems {

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        String where = field == null ? "the body" : "field '" + field + "'";
        return Problem.response(400, "The request body is JSON of another shape than expected: " + where
                + " cannot be read as " + expected(e) + ".", path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return unreadableBody(e, path(uri));
    }

    static Response unreadableBody(JsonProcessingException e, String instance) {
        return Problem.response(400, "The request body could not be read as JSON: " + reason(e), instance);
    }

    /** The reader's first line without its echo of the input's source. */
    static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return LogSafe.text(message.lines().findFirst().orElse("").replaceAll("\\s*\\(?(at )?\\[Source:.*$", "")
                .strip());
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "the expected type";
        }
        if (type == String.class || type.isEnum()) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
