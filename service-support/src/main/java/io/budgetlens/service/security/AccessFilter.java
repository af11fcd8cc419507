package io.budgetlens.service.security;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.budgetlens.service.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Before every API and dashboard request (not /q/: probes, metrics, OpenAPI): the caller's rate limit (429 with
 * Retry-After), then, when anonymous reading is off, a token with a role for any read (401 without one, 403 with a
 * token that has none of reader, submitter, admin). Writes and admin calls are guarded by their resources' roles. A
 * token that does not verify answers 401 wherever it is sent.
 *
 * <p>Settings ({@code budgetlens.security.*}, or BUDGETLENS_SECURITY_* environment variables):
 * {@code anonymous-read} (true: public data can be read without a token); {@code rate-limit.enabled} (true),
 * {@code rate-limit.requests-per-second} (1000) and {@code rate-limit.burst} (2000): a token bucket per caller (the
 * token's subject, else the client address). The defaults are far above what a person, the launcher or a
 * 10,000-document bench sends, and stop a runaway loop.
 */
public class AccessFilter {

    /** Paths every caller may open whatever the settings: the dashboard's sign-in and sign-out. */
    static final Set<String> OPEN = Set.of("/login", "/logout");

    @ConfigProperty(name = "budgetlens.security.anonymous-read", defaultValue = "true")
    boolean anonymousRead;

    @ConfigProperty(name = "budgetlens.security.rate-limit.enabled", defaultValue = "true")
    boolean rateLimited;

    @ConfigProperty(name = "budgetlens.security.rate-limit.requests-per-second", defaultValue = "1000")
    int requestsPerSecond;

    @ConfigProperty(name = "budgetlens.security.rate-limit.burst", defaultValue = "2000")
    int burst;

    @Inject
    CurrentIdentityAssociation identities;

    private volatile RateLimiter limiter;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> check(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/")) {
            return Uni.createFrom().nullItem();
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        boolean readNeedsToken = read && !anonymousRead && !OPEN.contains(path);
        if (!rateLimited && !readNeedsToken) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (rateLimited) {
                RateLimiter.Decision decision = limiter().take(key(identity, http));
                if (!decision.allowed()) {
                    return Response.fromResponse(Problem.response(429, "Too many requests from this caller; retry in "
                            + decision.retryAfterSeconds() + " s (budgetlens.security.rate-limit).", path))
                            .header("Retry-After", Long.toString(decision.retryAfterSeconds())).build();
                }
            }
            if (readNeedsToken) {
                if (identity.isAnonymous()) {
                    return SecurityProblems.unauthorized("Reading needs a bearer token "
                            + "(budgetlens.security.anonymous-read=false).", path);
                }
                if (!identity.hasRole(Roles.READER) && !identity.hasRole(Roles.SUBMITTER)
                        && !identity.hasRole(Roles.ADMIN)) {
                    return Problem.response(403, "The token carries none of the roles reader, submitter, admin.",
                            path);
                }
            }
            return null;
        });
    }

    private static String key(SecurityIdentity identity, HttpServerRequest http) {
        if (!identity.isAnonymous()) {
            return "sub:" + Caller.of(identity).subject();
        }
        return "ip:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }

    private RateLimiter limiter() {
        RateLimiter l = limiter;
        if (l == null) {
            synchronized (this) {
                if (limiter == null) {
                    limiter = new RateLimiter(requestsPerSecond, burst);
                }
                l = limiter;
            }
        }
        return l;
    }
}
