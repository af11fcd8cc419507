package io.budgetlens.reporting.store;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * Runs each consumer write in its own transaction and waits out a database outage: when PostgreSQL cannot be
 * reached, SmallRye Fault Tolerance retries the write with exponential backoff (0.2 s doubling to 10 s) for as long as
 * it takes, so the record is neither skipped nor dead-lettered and its offset is committed only after the write
 * succeeds. While it waits, {@link StoreReadiness} reports DOWN. A transaction that lost a lock conflict with another
 * channel's (a deadlock, a serialisation failure) is not an outage: it is written again at once (the winner holds
 * the locks, so the new attempt simply queues behind it), up to {@link #CONFLICT_ATTEMPTS} times, without reporting DOWN (the 0.2 s backoff and the
 * DOWN made each deadlock a stall of a second or more, most of the store's p99 at half rate, 2026-12-04); only then
 * does it fall back to the backoff. Any other failure (a record the store cannot take) is thrown at once, and the
 * channel's failure strategy dead-letters the record.
 */
@ApplicationScoped
public class StoreWriter {

    private static final Logger LOG = Logger.getLogger(StoreWriter.class);

    private final AtomicReference<Unavailable> unavailable = new AtomicReference<>();

    /** Why writes are waiting, and since when. */
    public record Unavailable(Instant since, String cause) {
    }

    /** Retries only what is worth waiting out ({@link #isTransient}). */
    public static final class TransientFailure implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable e) {
            return isTransient(e);
        }
    }

    /** How many times in a row a write that keeps losing lock conflicts is retried at once before backing off. */
    static final int CONFLICT_ATTEMPTS = 5;

    /**
     * A write in a new transaction, written again at once when it lost a lock conflict; the interceptor retries it
     * with backoff while the failure is transient.
     */
    @Retry(maxRetries = -1, maxDuration = 0, delay = 200, jitter = 0)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @RetryWhen(exception = TransientFailure.class)
    public <T> T write(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = QuarkusTransaction.requiringNew().call(work::get);
                Unavailable was = unavailable.getAndSet(null);
                if (was != null) {
                    LOG.infof("Database writes succeed again after %d ms (%s)",
                            Duration.between(was.since(), Instant.now()).toMillis(), was.cause());
                }
                return result;
            } catch (RuntimeException e) {
                if (isLockConflict(e) && attempt < CONFLICT_ATTEMPTS) {
                    LOG.infof("A write lost a lock conflict with another transaction (%s); written again (attempt %d)",
                            firstLine(rootCause(e).getMessage()), attempt + 1);
                    continue;
                }
                if (isTransient(e)) {
                    Throwable root = rootCause(e);
                    unavailable.compareAndSet(null, new Unavailable(Instant.now(), String.valueOf(root.getMessage())));
                    LOG.warnf("Database write failed, retrying with backoff: %s", root);
                }
                throw e;
            }
        }
    }

    /** A deadlock or serialisation failure (SQLSTATE 40P01, 40001): the transaction lost to another, nothing is down. */
    public static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end);
    }


    public Unavailable unavailable() {
        return unavailable.get();
    }

    /** Connection failures, pool timeouts, deadlocks and serialisation failures: worth waiting out. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P"))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (message.contains("acquisition timeout") || message.contains("connection")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
