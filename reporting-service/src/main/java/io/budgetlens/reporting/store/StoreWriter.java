package io.budgetlens.reporting.store;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs each consumer write in its own transaction and waits out a database outage: when PostgreSQL cannot be
 * reached (or a deadlock between two channels' transactions aborts one), the write is retried with exponential
 * backoff for as long as it takes, so the record is neither skipped nor dead-lettered and its offset is committed
 * only after the write succeeds. While it waits, {@link StoreReadiness} reports DOWN. Any other failure (a record
 * the store cannot take) is thrown, and the channel's failure strategy dead-letters the record.
 */
@ApplicationScoped
public class StoreWriter {

    private static final Logger LOG = Logger.getLogger(StoreWriter.class);

    private final AtomicReference<Unavailable> unavailable = new AtomicReference<>();

    @ConfigProperty(name = "budgetlens.store.retry.initial", defaultValue = "PT0.2S")
    Duration initialBackoff;

    @ConfigProperty(name = "budgetlens.store.retry.max", defaultValue = "PT10S")
    Duration maxBackoff;

    /** Why writes are waiting, and since when. */
    public record Unavailable(Instant since, String cause) {
    }

    public <T> T write(Supplier<T> work) {
        long backoff = initialBackoff.toMillis();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                T result = QuarkusTransaction.requiringNew().call(work::get);
                Unavailable was = unavailable.getAndSet(null);
                if (was != null) {
                    LOG.infof("Database writes succeed again after %d ms (%s)",
                            Duration.between(was.since(), Instant.now()).toMillis(), was.cause());
                }
                return result;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                Throwable root = rootCause(e);
                unavailable.compareAndSet(null, new Unavailable(Instant.now(), String.valueOf(root.getMessage())));
                LOG.warnf("Database write failed (attempt %d, retrying in %d ms): %s", attempt, backoff, root);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
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
