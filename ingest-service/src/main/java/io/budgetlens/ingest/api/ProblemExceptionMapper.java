package io.budgetlens.ingest.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.budgetlens.ingest.intake.IntakeException;

/** Answers every error of this service as application/problem+json; unexpected failures are logged, not leaked. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Exception exception) {
        String instance = uriInfo == null ? null : uriInfo.getPath();
        if (exception instanceof IntakeException intake) {
            return Problem.response(intake.status(), intake.getMessage(), instance);
        }
        if (exception instanceof IllegalArgumentException && exception.getMessage() != null
                && exception.getMessage().startsWith("Failed to parse media type")) {
            // Thrown while routing by Content-Type, before a resource method runs.
            return Problem.response(415, "The Content-Type header is not a valid media type: "
                    + exception.getMessage().substring("Failed to parse media type".length()).strip(), instance);
        }
        if (exception instanceof WebApplicationException web) {
            return Problem.response(web.getResponse().getStatus(), exception.getMessage(), instance);
        }
        LOG.errorf(exception, "Unexpected failure on %s", instance);
        return Problem.response(500, "Unexpected server error; the cause is in the service log.", instance);
    }
}
