package io.budgetlens.reporting.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.CloudEvents;
import io.budgetlens.service.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes cross-document findings on disclosure.anomaly.v1, keyed by the documentId the finding belongs to,
 * with ce_source /budgetlens/reporting-service and ce_id
 * {@code <documentId>:io.budgetlens.disclosure.anomaly.v1:cross-document-<version>:<ruleId>:<otherDocumentId>:<index>}.
 */
@ApplicationScoped
public class AnomalyPublisher {

    @Inject
    @Channel("anomalies")
    MutinyEmitter<AnomalyDetected> anomalies;

    public void publish(List<AnomalyDetected> found) {
        for (AnomalyDetected anomaly : found) {
            String other = anomaly.finding().evidence() == null ? "" : anomaly.finding().evidence().stream()
                    .map(e -> e.documentId()).filter(id -> id != null).findFirst().orElse("");
            String id = CloudEvents.id(anomaly.documentId(), AnomalyDetected.TYPE, anomaly.rulesetVersion(),
                    anomaly.finding().ruleId() + ":" + other + ":" + anomaly.findingIndex());
            anomalies.sendMessageAndAwait(EventMessages.keyed(anomaly, anomaly.documentId(), id, AnomalyDetected.TYPE,
                    CloudEvents.SOURCE_REPORTING, anomaly.detectedAt()));
        }
    }
}
