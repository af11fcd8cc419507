package io.budgetlens.reporting.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.serde.KafkaHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

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
            var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(anomaly.documentId())
                    .withHeaders(KafkaHeaders.of(CloudEvents.headers(id, AnomalyDetected.TYPE,
                            CloudEvents.SOURCE_REPORTING, anomaly.documentId(), anomaly.detectedAt())))
                    .build();
            anomalies.sendMessageAndAwait(Message.of(anomaly).addMetadata(metadata));
        }
    }
}
