package io.budgetlens.reporting.web;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.service.Problem;
import io.quarkus.security.Authenticated;

/**
 * Signing in to the dashboard. Locally ({@code budgetlens.dashboard.local-token}, set by the launcher to a token it
 * signed with the local stack's own key) {@code /login} puts that token in an HttpOnly, SameSite=Strict cookie, which
 * SmallRye JWT reads on every request ({@code mp.jwt.token.cookie}). In production the local token is unset and
 * {@code /login} goes through the identity provider's OIDC authorization code flow ({@code /login/oidc}, quarkus-oidc,
 * enabled with {@code QUARKUS_OIDC_TENANT_ENABLED=true}). {@code /logout} drops the cookie.
 */
@Path("/")
public class SignInResource {

    static final String COOKIE = "budgetlens-token";

    @ConfigProperty(name = "budgetlens.dashboard.local-token")
    Optional<String> localToken;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean oidc;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@QueryParam("back") String back) {
        if (localToken.isPresent() && !localToken.get().isBlank()) {
            return Response.seeOther(URI.create(safe(back))).cookie(cookie(localToken.get(), 30 * 24 * 3600)).build();
        }
        if (oidc) {
            return Response.seeOther(URI.create("/login/oidc?back=" + DashboardResource.encode(safe(back)))).build();
        }
        return Problem.response(404, "No sign-in is configured: set budgetlens.dashboard.local-token (local stack) "
                + "or enable the OIDC code flow (QUARKUS_OIDC_TENANT_ENABLED=true, docs/operations.md).", "/login");
    }

    /** Reached only once the OIDC code flow has authenticated the user (quarkus-oidc keeps the session). */
    @GET
    @Path("login/oidc")
    @Authenticated
    @Operation(hidden = true)
    public Response signedIn(@QueryParam("back") String back) {
        return Response.seeOther(URI.create(safe(back))).build();
    }

    @GET
    @Path("logout")
    @Operation(hidden = true)
    public Response logout() {
        return Response.seeOther(URI.create("/")).cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure("https".equals(uriInfo.getRequestUri().getScheme())).sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** Same-origin paths only, so /login cannot redirect elsewhere. */
    static String safe(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }
}
