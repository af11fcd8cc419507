package io.budgetlens.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.reporting.crossdoc.CrossDocumentService;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.budgetlens.reporting.store.StoreWriter;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes the three pipeline topics into PostgreSQL, one transaction per record, retried through a database
 * outage (see {@link StoreWriter}); the offset is committed after the write. The repository makes every write
 * idempotent and order-tolerant, so redelivery after a crash changes nothing. A stored parse result also
 * recomputes the cross-document findings it takes part in; their anomalies go to the outbox in the same transaction
 * and are published from there ({@link AnomalyOutbox}), with deterministic CloudEvents ids. A tombstone (a null value:
 * a deleted draft) deletes the document and its findings.
 */
@ApplicationScoped
public class DisclosureEventsConsumer {

    @Inject
    DisclosureRepository repository;

    @Inject
    CrossDocumentService crossDocuments;

    @Inject
    StoreWriter writer;

    @Inject
    AnomalyOutbox outbox;

    /** Original files above this size (all parts together) are not kept: no page images, no annotated PDF. */
    @ConfigProperty(name = "budgetlens.files.max-stored-bytes", defaultValue = "20971520")
    long maxStoredBytes;

    @Incoming("received")
    @Blocking
    public void onReceived(ConsumerRecord<String, DisclosureReceived> record) {
        DisclosureReceived event = record.value();
        writer.write(() -> {
            if (event == null) {
                repository.deleteDocument(record.key());
                return null;
            }
            repository.recordReceived(event, maxStoredBytes);
            outbox.add(crossDocuments.recompute(event.documentId()));
            return null;
        });
    }

    @Incoming("parsed")
    @Blocking
    public void onParsed(ConsumerRecord<String, DisclosureParsed> record) {
        DisclosureParsed event = record.value();
        writer.write(() -> {
            if (event == null) {
                repository.deleteDocument(record.key());
            } else if (repository.recordParsed(event)) {
                outbox.add(crossDocuments.recompute(event.documentId()));
            }
            return null;
        });
    }

    @Incoming("validated")
    @Blocking
    public void onValidated(ConsumerRecord<String, DisclosureValidated> record) {
        DisclosureValidated event = record.value();
        writer.write(() -> {
            if (event == null) {
                repository.deleteDocument(record.key());
            } else {
                repository.recordValidated(event);
            }
            return null;
        });
    }
}
