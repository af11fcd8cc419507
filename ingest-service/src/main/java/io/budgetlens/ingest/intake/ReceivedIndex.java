package io.budgetlens.ingest.intake;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.TopicHistory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The documentIds already on {@code disclosure.received.v1}, so the same bytes are never published twice. Ingest has
 * no database: at start-up the index is rebuilt from the compacted received topic (keys only), and it is kept current
 * by the intake and by the parser stage, which sees every received record (also those of other ingest replicas).
 * Readiness stays DOWN until the rebuild is complete ({@link ReceivedIndexHealthCheck}); the intake answers 503 until
 * then.
 */
@ApplicationScoped
public class ReceivedIndex {

    private static final Logger LOG = Logger.getLogger(ReceivedIndex.class);

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    /** Offset of the latest record of each document seen while rebuilding (where a lookup of its parts starts). */
    private final Map<String, Long> offsets = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile boolean stopping;
    private volatile String lastError;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    void onStart(@Observes StartupEvent event) {
        Thread loader = new Thread(this::loadWithRetry, "received-index-loader");
        loader.setDaemon(true);
        loader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void loadWithRetry() {
        Duration backoff = Duration.ofSeconds(1);
        while (!stopping && !loaded) {
            try {
                long started = System.nanoTime();
                long count = TopicHistory.read(kafkaConfig, Topics.RECEIVED, false, r -> {
                    if (r.value() == null) {
                        // a deleted draft's tombstone
                        ids.remove(r.key());
                        offsets.remove(r.key());
                    } else {
                        ids.add(r.key());
                        offsets.put(r.key(), r.offset());
                    }
                });
                loaded = true;
                lastError = null;
                LOG.infof("Duplicate index rebuilt from %s: %d records, %d documents, in %d ms", Topics.RECEIVED,
                        count, ids.size(), (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                LOG.warnf("Could not rebuild the duplicate index yet (%s); retrying in %s", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Claims a documentId for publication: true when it was not known (the caller publishes), false for a duplicate. */
    public boolean claim(String documentId) {
        return ids.add(documentId);
    }

    /** Whether a document was received (its id is on the topic). */
    public boolean contains(String documentId) {
        return ids.contains(documentId);
    }

    /** Gives a claim back after a failed publication, so a retry is not mistaken for a duplicate. */
    public void release(String documentId) {
        ids.remove(documentId);
    }

    /** Records a documentId seen on the received topic. */
    public void record(String documentId) {
        if (documentId != null) {
            ids.add(documentId);
        }
    }

    /** Forgets a deleted draft (its tombstone was written or seen on the received topic). */
    public void forget(String documentId) {
        if (documentId != null) {
            ids.remove(documentId);
            offsets.remove(documentId);
        }
    }

    /** The offset of the latest record of a document seen while rebuilding, or -1. */
    public long offsetOf(String documentId) {
        return offsets.getOrDefault(documentId, -1L);
    }

    public int size() {
        return ids.size();
    }

    /** "loaded", "loading" or "retrying: cause". */
    public String state() {
        return loaded ? "loaded" : lastError == null ? "loading" : "retrying: " + lastError;
    }
}
