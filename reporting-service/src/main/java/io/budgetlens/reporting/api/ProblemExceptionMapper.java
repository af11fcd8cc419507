package io.budgetlens.reporting.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

/** Answers every error of this service as application/problem+json; unexpected failures are logged, not leaked. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Exception exception) {
        String instance = uriInfo == null ? null : uriInfo.getPath();
        if (exception instanceof WebApplicationException web) {
            Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
            if (status == null) {
                status = Response.Status.BAD_REQUEST;
            }
            return Problem.response(status, exception.getMessage(), instance);
        }
        if (io.budgetlens.reporting.store.StoreWriter.isTransient(exception)) {
            LOG.warnf("Database unavailable on %s: %s", instance, exception.getMessage());
            Response problem = Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    "The database is unavailable; try again shortly.", instance);
            return Response.fromResponse(problem).header("Retry-After", "5").build();
        }
        LOG.errorf(exception, "Unexpected failure on %s", instance);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "Unexpected server error; the cause is in the service log.", instance);
    }
}
