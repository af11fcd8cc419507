package io.budgetlens.service.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per caller key: each holds up to {@code burst} tokens and refills {@code perSecond} tokens a second; a
 * request takes one. Idle buckets are dropped once there are many, so a scan from many addresses cannot grow the map
 * without bound.
 */
public final class RateLimiter {

    static final int MAX_BUCKETS = 50_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** What a request gets: allowed, or refused with the whole seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    RateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate limit needs positive requests-per-second and burst");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    public Decision take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            long idle = (long) (burst / perNano);
            buckets.values().removeIf(b -> now - b.updated > idle);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
            return new Decision(false, Math.max(1, wait));
        }
    }
}
