package io.budgetlens.reporting.messaging;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.CloudEvents;
import io.budgetlens.service.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Sends cross-document findings on disclosure.anomaly.v1, keyed by the documentId the finding belongs to, with
 * ce_source /budgetlens/reporting-service and ce_id
 * {@code <documentId>:io.budgetlens.disclosure.anomaly.v1:cross-document-<version>:<ruleId>:<otherDocumentId>:<index>}.
 * Only the outbox relay ({@link AnomalyOutbox}) sends, after the findings' transaction has committed them to the
 * outbox table.
 */
@ApplicationScoped
public class AnomalyPublisher {

    @Inject
    @Channel("anomalies")
    MutinyEmitter<AnomalyDetected> anomalies;

    /** The anomaly's deterministic ce_id. */
    static String ceId(AnomalyDetected anomaly) {
        String other = anomaly.finding().evidence() == null ? "" : anomaly.finding().evidence().stream()
                .map(e -> e.documentId()).filter(id -> id != null).findFirst().orElse("");
        return CloudEvents.id(anomaly.documentId(), AnomalyDetected.TYPE, anomaly.rulesetVersion(),
                anomaly.finding().ruleId() + ":" + other + ":" + anomaly.findingIndex());
    }

    /**
     * Sends one anomaly without waiting: the future completes when the broker has acknowledged it, or fails. Sends
     * of one caller go out in the order made.
     */
    CompletableFuture<Void> sendAsync(AnomalyDetected anomaly, String ceId) {
        return anomalies.sendMessage(EventMessages.keyed(anomaly, anomaly.documentId(), ceId, AnomalyDetected.TYPE,
                CloudEvents.SOURCE_REPORTING, anomaly.detectedAt())).subscribeAsCompletionStage();
    }
}
