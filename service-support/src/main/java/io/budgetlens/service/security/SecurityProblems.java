package io.budgetlens.service.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.budgetlens.service.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refused access as problem+json, like every other error: 401 (no token, or one that does not verify: expired, wrong
 * issuer, audience or signature) with {@code WWW-Authenticate: Bearer}, 403 (a token without the role the call needs).
 * Authentication is not proactive ({@code quarkus.http.auth.proactive=false}), so these failures reach these mappers.
 */
public class SecurityProblems {

    static Response unauthorized(String detail, String instance) {
        return Response.fromResponse(Problem.response(401, detail, instance))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"budgetlens\"").build();
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized("This call needs a bearer token (Authorization: Bearer …) with the right role.",
                request.path());
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized("The bearer token was not accepted: it is expired, malformed, or not signed by the "
                + "configured issuer for this audience.", request.path());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problem.response(403, "The token does not carry the role this call needs.", request.path());
    }
}
