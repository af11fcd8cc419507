package io.budgetlens.reporting.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.budgetlens.events.AnomalyDetected;
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
 * recomputes the cross-document findings it takes part in; their anomalies are published after the commit
 * (with deterministic CloudEvents ids, so a redelivery republishes the same events, never new ones).
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
    AnomalyPublisher anomalies;

    /** Original files above this size (all parts together) are not kept: no page images, no annotated PDF. */
    @ConfigProperty(name = "budgetlens.files.max-stored-bytes", defaultValue = "20971520")
    long maxStoredBytes;

    @Incoming("received")
    @Blocking
    public void onReceived(DisclosureReceived event) {
        List<AnomalyDetected> found = writer.write(() -> {
            repository.recordReceived(event, maxStoredBytes);
            return crossDocuments.recompute(event.documentId());
        });
        anomalies.publish(found);
    }

    @Incoming("parsed")
    @Blocking
    public void onParsed(DisclosureParsed event) {
        List<AnomalyDetected> found = writer.write(() -> repository.recordParsed(event)
                ? crossDocuments.recompute(event.documentId()) : List.<AnomalyDetected>of());
        anomalies.publish(found);
    }

    @Incoming("validated")
    @Blocking
    public void onValidated(DisclosureValidated event) {
        writer.write(() -> {
            repository.recordValidated(event);
            return null;
        });
    }
}
