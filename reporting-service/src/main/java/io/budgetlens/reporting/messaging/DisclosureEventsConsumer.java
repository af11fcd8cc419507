package io.budgetlens.reporting.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.reporting.crossdoc.CrossDocumentService;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.budgetlens.reporting.store.StoreWriter;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes the three pipeline topics into PostgreSQL a batch at a time (each poll of a channel, up to its
 * {@code max.poll.records}): one transaction per batch, retried through a database outage (see {@link StoreWriter}),
 * the offsets committed after the commit. The repository makes every write idempotent and order-tolerant, so
 * redelivery after a crash changes nothing. A batch that fails for another reason is written again one record per
 * transaction, so that only the record the store cannot take goes to the channel's dead-letter topic; a write that
 * fails because the service is stopping dead-letters nothing (the records are stored after the restart). Within a
 * batch the records are stored in documentId order (a document's own records keep their offset order): the three
 * channels' transactions then lock rows in the same order. A stored parse result also recomputes the
 * cross-document findings it takes part in; their anomalies go to the outbox in the same transaction and are published
 * from there ({@link AnomalyOutbox}), with deterministic CloudEvents ids. A tombstone (a null value: a deleted draft)
 * deletes the document and its findings.
 */
@ApplicationScoped
public class DisclosureEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DisclosureEventsConsumer.class);

    @Inject
    DisclosureRepository repository;

    @Inject
    CrossDocumentService crossDocuments;

    @Inject
    StoreWriter writer;

    @Inject
    AnomalyOutbox outbox;

    @Inject
    EntityManager entityManager;

    /**
     * Set when the application starts to stop (SIGTERM, a rolling update): from then on a failed write is the
     * shutdown's (the persistence unit and the pool close under the batch in progress), not the record's.
     */
    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Original files above this size (all parts together) are not kept: no page images, no annotated PDF. */
    @ConfigProperty(name = "budgetlens.files.max-stored-bytes", defaultValue = "20971520")
    long maxStoredBytes;

    @Incoming("received")
    @Blocking
    public CompletionStage<Void> onReceived(KafkaRecordBatch<String, DisclosureReceived> batch) {
        return store(batch, this::storeReceived);
    }

    @Incoming("parsed")
    @Blocking
    public CompletionStage<Void> onParsed(KafkaRecordBatch<String, DisclosureParsed> batch) {
        return store(batch, this::storeParsed);
    }

    @Incoming("validated")
    @Blocking
    public CompletionStage<Void> onValidated(KafkaRecordBatch<String, DisclosureValidated> batch) {
        return store(batch, this::storeValidated);
    }

    private List<AnomalyDetected> storeReceived(String key, DisclosureReceived event) {
        if (event == null) {
            repository.deleteDocument(key);
            return List.of();
        }
        // the receipt time can move the latest of the identity, and with it others' counterpart; nothing else of a
        // received event takes part in a cross-document check
        return repository.recordReceived(event, maxStoredBytes) ? crossDocuments.recompute(event.documentId())
                : List.of();
    }

    private List<AnomalyDetected> storeParsed(String key, DisclosureParsed event) {
        if (event == null) {
            repository.deleteDocument(key);
            return List.of();
        }
        return repository.recordParsed(event) ? crossDocuments.recompute(event.documentId(), event.facts())
                : List.of();
    }

    private List<AnomalyDetected> storeValidated(String key, DisclosureValidated event) {
        if (event == null) {
            repository.deleteDocument(key);
            return List.of();
        }
        repository.recordValidated(event);
        return List.of();
    }

    private <T> CompletionStage<Void> store(KafkaRecordBatch<String, T> batch,
                                            BiFunction<String, T, List<AnomalyDetected>> work) {
        List<KafkaRecord<String, T>> records = new ArrayList<>();
        for (KafkaRecord<String, T> record : batch.getRecords()) {
            if (record.getPayload() == null && record.getHeaders()
                    .lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) != null) {
                // did not deserialize: straight to the dead-letter topic (a null value without it is a tombstone)
                record.nack(new IllegalArgumentException("the record of key " + record.getKey() + " on "
                        + record.getTopic() + " has no value that reads as an event")).toCompletableFuture().join();
            } else {
                records.add(record);
            }
        }
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        // stable: a document's records keep their offset order
        records.sort(Comparator.comparing(r -> r.getKey() == null ? "" : r.getKey()));
        try {
            writer.write(() -> {
                List<AnomalyDetected> all = new ArrayList<>();
                for (KafkaRecord<String, T> record : records) {
                    all.addAll(work.apply(record.getKey(), record.getPayload()));
                    // written; the next record's flushes then check only its own rows
                    entityManager.flush();
                    entityManager.clear();
                }
                outbox.add(all); // in the same transaction
                return all;
            });
            return batch.ack();
        } catch (RuntimeException batchFailure) {
            if (stopping) {
                return leftForRedelivery(records.size(), batchFailure);
            }
            if (records.size() > 1) {
                LOG.warnf("A batch of %d records failed (%s); storing them one at a time", records.size(),
                        batchFailure.toString());
            }
        }
        // Never thrown out of the method (that would fail the channel): each record acknowledged, or nacked to its
        // dead-letter topic.
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, T> record = records.get(i);
            try {
                writer.write(() -> {
                    outbox.add(work.apply(record.getKey(), record.getPayload()));
                    return null;
                });
                record.ack().toCompletableFuture().join();
            } catch (RuntimeException e) {
                if (stopping) {
                    return leftForRedelivery(records.size() - i, e); // this record and those after it
                }
                record.nack(e).toCompletableFuture().join(); // the channel's failure strategy: its dead-letter topic
            }
        }
        return CompletableFuture.completedFuture(null); // every record acknowledged on its own
    }

    /**
     * A write cut short by the shutdown: the records are neither acknowledged nor dead-lettered (their offsets stay
     * uncommitted), so the instance that takes the partitions next, or this one restarted, stores them again. The
     * stage never completes; the connector closes the consumer without it.
     */
    private static CompletionStage<Void> leftForRedelivery(int records, RuntimeException cause) {
        LOG.infof("Stopping: %d record(s) left unacknowledged, to be stored after the restart (%s)", records,
                cause.toString());
        return new CompletableFuture<>();
    }
}
