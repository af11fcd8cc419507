package io.budgetlens.service.security;

import java.security.Principal;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the token's subject ({@code sub}, the owner recorded on a draft), whether the caller is an admin, and
 * the raw bearer token to pass on to another BudgetLens service. Anonymous callers have no subject.
 */
public record Caller(String subject, boolean admin, boolean submitter, String bearerToken) {

    public static final Caller ANONYMOUS = new Caller(null, false, false, null);

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Principal principal = identity.getPrincipal();
        String subject = principal instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : principal.getName();
        String token = principal instanceof JsonWebToken jwt ? jwt.getRawToken() : null;
        for (var credential : identity.getCredentials()) {
            // an OIDC code-flow session carries the access token beside the ID token: that is what others accept
            if (credential instanceof TokenCredential access && "bearer".equalsIgnoreCase(access.getType())) {
                token = access.getToken();
            }
        }
        return new Caller(subject, identity.hasRole(Roles.ADMIN),
                identity.hasRole(Roles.SUBMITTER) || identity.hasRole(Roles.ADMIN), token);
    }

    public boolean anonymous() {
        return subject == null;
    }

    /** Whether this caller may read or delete a draft owned by {@code owner}: its owner, or an admin. */
    public boolean owns(String owner) {
        return admin || (subject != null && subject.equals(owner));
    }

    /** The Authorization header value that passes this caller's token on, or null for an anonymous caller. */
    public String authorization() {
        return bearerToken == null ? null : "Bearer " + bearerToken;
    }
}
