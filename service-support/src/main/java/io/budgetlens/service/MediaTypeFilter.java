package io.budgetlens.service;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;


/**
 * A Content-Type header that is no media type answers 415 problem+json before routing: choosing between the
 * endpoints that consume multipart, JSON and anything else parses the header, which would otherwise fail as a 500.
 */
@Provider
@PreMatching
public class MediaTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        try {
            MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            request.abortWith(Problem.response(415, "Content-Type '" + contentType + "' is not a valid media type.",
                    request.getUriInfo().getPath()));
        }
    }
}
