package io.budgetlens.service;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Answers every error as application/problem+json: a {@link WebApplicationException} with its status and message, a
 * failure a {@link ProblemTranslator} of the service knows as it says, anything else as 500, logged and not leaked.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @Inject
    Instance<ProblemTranslator> translators;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Exception exception) {
        String instance = uriInfo == null ? null : uriInfo.getPath();
        for (ProblemTranslator translator : translators) {
            Response problem = translator.toProblem(exception, instance);
            if (problem != null) {
                return problem;
            }
        }
        if (exception instanceof WebApplicationException web) {
            if (web.getCause() instanceof JsonProcessingException unreadable) {
                // Quarkus wraps a body that is not JSON at all; its own message is only "HTTP 400 Bad Request".
                return JsonBodyProblems.unreadableBody(unreadable, instance);
            }
            return Problem.response(web.getResponse().getStatus(), exception.getMessage(), instance);
        }
        LOG.errorf(exception, "Unexpected failure on %s", LogSafe.text(instance));
        return Problem.response(500, "Unexpected server error; the cause is in the service log.", instance);
    }
}
