package io.budgetlens.service.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The services' bearer-token parser: SmallRye JWT's, with the tokens it verified remembered for a short while. A
 * client sends the same token with every request, and checking its RS256 signature and claims again each time was a
 * seventh of ingest-service's CPU per accepted document (async-profiler, stop 24). A token is taken from the cache
 * only when it is the very same string (its signature included) as one verified before, and only until the earlier of
 * its expiry ({@code exp}, without the clock skew the full check allows) and {@code budgetlens.security
 * .verified-token-seconds} (default 60 s; 0 turns the cache off) after it was verified: so a token verified with a
 * key that has since been rotated out keeps passing for at most that long. Refused tokens are never remembered. At
 * most {@link #MAX_ENTRIES} tokens are kept; past that, expired ones are dropped, and if none is, a new token is
 * verified without being kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache extends DefaultJWTParser {

    static final int MAX_ENTRIES = 4096;

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final long keepMillis;
    private final LongSupplier clock;

    public VerifiedTokenCache() {
        this.keepMillis = 1000L * ConfigProvider.getConfig()
                .getOptionalValue("budgetlens.security.verified-token-seconds", Long.class).orElse(60L);
        this.clock = System::currentTimeMillis;
    }

    /** For tests: a parser of this context, keeping verified tokens for {@code keepMillis} on {@code clock}. */
    VerifiedTokenCache(JWTAuthContextInfo context, long keepMillis, LongSupplier clock) {
        super(context);
        this.keepMillis = keepMillis;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (keepMillis <= 0 || token == null) {
            return super.parse(token);
        }
        long now = clock.getAsLong();
        Verified hit = verified.get(token);
        if (hit != null) {
            if (now < hit.untilMillis()) {
                return hit.token();
            }
            verified.remove(token, hit);
        }
        JsonWebToken jwt = super.parse(token); // throws for a token that does not verify: nothing is kept
        // kept only with an exp in the future (SmallRye requires one by default; a token without it is not kept)
        long expiresMillis = jwt.getClaim(Claims.exp.name()) instanceof Number exp ? exp.longValue() * 1000L : 0;
        if (expiresMillis > now) {
            remember(token, new Verified(jwt, Math.min(expiresMillis, now + keepMillis)), now);
        }
        return jwt;
    }

    private void remember(String token, Verified entry, long now) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(v -> v.untilMillis() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                return;
            }
        }
        verified.put(token, entry);
    }

    /** How many verified tokens are kept (for tests). */
    int size() {
        return verified.size();
    }
}
