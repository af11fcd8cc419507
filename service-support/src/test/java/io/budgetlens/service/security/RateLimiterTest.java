package io.budgetlens.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: bursts up to the limit, refill per second, callers apart. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    @Test
    void aBurstPassesThenTheCallerWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("sub:a").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.take("sub:a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        now.addAndGet(500_000_000L); // half a second: one token at 2 a second
        assertThat(limiter.take("sub:a").allowed()).isTrue();
        assertThat(limiter.take("sub:a").allowed()).isFalse();
    }

    @Test
    void callersHaveTheirOwnBucketsAndIdleOnesRefillToTheBurstOnly() {
        for (int i = 0; i < 3; i++) {
            limiter.take("ip:10.0.0.1");
        }
        assertThat(limiter.take("ip:10.0.0.1").allowed()).isFalse();
        assertThat(limiter.take("ip:10.0.0.2").allowed()).isTrue();
        now.addAndGet(3_600_000_000_000L); // an hour
        int allowed = 0;
        while (limiter.take("ip:10.0.0.1").allowed()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(3);
    }
}
