package io.budgetlens.reporting.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.EventJson;
import io.budgetlens.reporting.store.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The transactional outbox of cross-document anomalies: {@link #add} writes them to {@code anomaly_outbox} in the
 * transaction that stored the document and computed them, and the relay ({@link #relay}, every second) sends the
 * unsent rows in order, a hundred at a time without waiting between them, and marks each sent once the broker has
 * acknowledged it. A send that fails leaves its row unsent and the relay tries again with backoff (1 s doubling to
 * 60 s), so nothing computed is lost to a broker outage or a crash between commit and send; a row may be sent twice
 * (a crash after the ack, before the mark), with the same ce_id. Several replicas share the table: each row is locked
 * by the one relay sending it ({@code FOR UPDATE SKIP LOCKED}). Sent rows are purged after seven days
 * ({@link #purge}).
 */
@ApplicationScoped
public class AnomalyOutbox {

    private static final Logger LOG = Logger.getLogger(AnomalyOutbox.class);
    static final int BATCH = 100;
    /** How long sent rows are kept (for inspection: which anomalies went out, when, after how many attempts). */
    static final Duration KEEP_SENT = Duration.ofDays(7);

    @Inject
    EntityManager em;

    @Inject
    AnomalyPublisher publisher;

    private final AtomicLong notBefore = new AtomicLong();
    private volatile Duration backoff = Duration.ofSeconds(1);

    /** Queues anomalies in the caller's transaction (the consumer's write), in one JDBC batch. */
    public void add(List<AnomalyDetected> anomalies) {
        Jdbc.insert(em,
                "INSERT INTO anomaly_outbox (document_id, ce_id, payload) VALUES (?, ?, CAST(? AS json))", anomalies,
                (insert, anomaly, i) -> {
                    insert.setString(1, anomaly.documentId());
                    insert.setString(2, AnomalyPublisher.ceId(anomaly));
                    insert.setString(3, EventJson.writeString(anomaly));
                });
    }

    /** Rows not sent yet (for health and tests). */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM anomaly_outbox WHERE sent_at IS NULL").getSingleResult()).longValue());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    void relay() {
        if (System.nanoTime() - notBefore.get() < 0) {
            return;
        }
        try {
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::sendBatch);
                if (batch.failure() != null) {
                    throw batch.failure();
                }
            } while (batch.sent() == BATCH);
            backoff = Duration.ofSeconds(1);
        } catch (RuntimeException e) {
            LOG.warnf("Anomaly outbox: a send failed (%s); its rows stay queued, next try in %d s", e.getMessage(),
                    backoff.toSeconds());
            notBefore.set(System.nanoTime() + backoff.toNanos());
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60)
                    : backoff.multipliedBy(2);
            recordFailure(e);
        }
    }

    /** How many rows one batch sent, and the send failure that ended it early (its sent rows stay marked). */
    private record Batch(int sent, RuntimeException failure) {
    }

    /**
     * Sends up to BATCH unsent rows in order, all at once (the producer batches them; waiting for each
     * acknowledgement in turn cost a linger and a round trip per row), then marks the acknowledged ones sent in one
     * statement. A failed send leaves its row unsent and is reported; rows acknowledged around it stay marked.
     */
    private Batch sendBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, ce_id, CAST(payload AS text) FROM anomaly_outbox WHERE sent_at IS NULL
                        ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, BATCH).getResultList();
        List<Long> ids = new ArrayList<>(rows.size());
        List<CompletableFuture<Void>> sends = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            AnomalyDetected anomaly = EventJson.read(((String) row[2]).getBytes(StandardCharsets.UTF_8),
                    AnomalyDetected.class);
            CompletableFuture<Void> send;
            try {
                send = publisher.sendAsync(anomaly, (String) row[1]);
            } catch (RuntimeException e) {
                send = CompletableFuture.failedFuture(e);
            }
            sends.add(send);
        }
        List<Long> sent = new ArrayList<>(rows.size());
        RuntimeException failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).join();
                sent.add(ids.get(i));
            } catch (RuntimeException e) {
                failure = failure == null ? (e.getCause() instanceof RuntimeException r ? r : e) : failure;
            }
        }
        if (!sent.isEmpty()) {
            em.createNativeQuery("UPDATE anomaly_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id IN (:ids)")
                    .setParameter("ids", sent).executeUpdate();
        }
        if (failure != null) {
            return new Batch(-1, failure);
        }
        return new Batch(rows.size(), null);
    }

    /**
     * Deletes the rows sent more than {@link #KEEP_SENT} ago, every ten minutes (index anomaly_outbox_sent_idx, V7:
     * purging after every relay pass without it read the whole table once a second).
     */
    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1m")
    void purge() {
        try {
            int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "DELETE FROM anomaly_outbox WHERE sent_at < ?1")
                    .setParameter(1, Instant.now().minus(KEEP_SENT)).executeUpdate());
            if (deleted > 0) {
                LOG.infof("Anomaly outbox: purged %d rows sent more than %d days ago", deleted, KEEP_SENT.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Anomaly outbox: could not purge sent rows (%s); next try in ten minutes", e.getMessage());
        }
    }

    private void recordFailure(RuntimeException e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            UPDATE anomaly_outbox SET attempts = attempts + 1, last_error = ?1
                            WHERE id = (SELECT min(id) FROM anomaly_outbox WHERE sent_at IS NULL)""")
                    .setParameter(1, String.valueOf(e.getMessage())).executeUpdate());
        } catch (RuntimeException ignored) {
            // the database is unavailable too: the next relay run tries again
        }
    }
}
