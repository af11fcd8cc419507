package io.budgetlens.reporting.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.budgetlens.reporting.store.StoreWriter;
import io.budgetlens.service.LogSafe;
import io.budgetlens.service.Problem;
import io.budgetlens.service.ProblemTranslator;

/** A request that fails because PostgreSQL cannot be reached answers 503 problem+json with Retry-After, not 500. */
@ApplicationScoped
public class DatabaseUnavailable implements ProblemTranslator {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);

    @Override
    public Response toProblem(Exception exception, String instance) {
        if (!StoreWriter.isTransient(exception)) {
            return null;
        }
        LOG.warnf("Database unavailable on %s: %s", LogSafe.text(instance), exception.getMessage());
        Response problem = Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                "The database is unavailable; try again shortly.", instance);
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
