package io.budgetlens.service.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Access settings shared by the three services ({@code budgetlens.security.*}, or BUDGETLENS_SECURITY_* environment
 * variables). Token verification itself is SmallRye JWT's ({@code mp.jwt.verify.*}, see docs/operations.md).
 */
@ConfigMapping(prefix = "budgetlens.security")
public interface SecurityConfig {

    /** Whether public data can be read without a token; false makes every read need a token with any role. */
    @WithDefault("true")
    boolean anonymousRead();

    RateLimit rateLimit();

    /**
     * A token bucket per caller (the token's subject, else the client address): {@code requests-per-second} refill,
     * up to {@code burst} at once; a caller over it gets 429 with Retry-After. The defaults are far above what a
     * person, the launcher or a 10,000-document bench sends, and stop a runaway loop.
     */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("1000")
        int requestsPerSecond();

        @WithDefault("2000")
        int burst();
    }
}
