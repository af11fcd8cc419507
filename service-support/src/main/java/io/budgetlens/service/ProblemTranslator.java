package io.budgetlens.service;

import jakarta.ws.rs.core.Response;

/**
 * A service's own failures that answer something other than 500 (reporting-service: a database outage is 503 with
 * Retry-After). Beans implementing it are asked first, in no particular order; null means "not mine".
 */
public interface ProblemTranslator {

    Response toProblem(Exception exception, String instance);
}
