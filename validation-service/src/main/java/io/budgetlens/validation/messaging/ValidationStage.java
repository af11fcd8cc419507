package io.budgetlens.validation.messaging;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.Finding;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.serde.KafkaHeaders;
import io.budgetlens.validation.rules.RuleEngine;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Consumes disclosure.parsed.v1, validates each PARSED disclosure and publishes its report on
 * disclosure.validated.v1 and one event per WARNING or ERROR finding on disclosure.anomaly.v1, all keyed by
 * documentId. REJECTED parse results are skipped. The incoming record is acknowledged only after both writes.
 */
@ApplicationScoped
public class ValidationStage {

    private static final Logger LOG = Logger.getLogger(ValidationStage.class);

    private final RuleEngine engine = RuleEngine.standard(Clock.systemUTC());

    @Inject
    @Channel("validated")
    MutinyEmitter<DisclosureValidated> validated;

    @Inject
    @Channel("anomalies")
    MutinyEmitter<AnomalyDetected> anomalies;

    @Incoming("parsed")
    @Blocking
    public void onParsed(DisclosureParsed parsed) {
        if (parsed.status() != ParseStatus.PARSED) {
            LOG.debugf("Skipping %s: %s", parsed.documentId(), parsed.status());
            return;
        }
        DisclosureValidated report = engine.validate(parsed);
        String id = CloudEvents.id(report.documentId(), DisclosureValidated.TYPE, report.rulesetVersion(), null);
        validated.sendMessageAndAwait(keyed(report, report.documentId(), id, DisclosureValidated.TYPE, report));
        List<Finding> findings = report.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (!finding.severity().isAnomaly()) {
                continue;
            }
            AnomalyDetected anomaly = new AnomalyDetected(report.documentId(), report.rulesetVersion(), i,
                    report.validatedAt(), report.visibility(), parsed.meta(), finding);
            String anomalyId = CloudEvents.id(report.documentId(), AnomalyDetected.TYPE, report.rulesetVersion(),
                    Integer.toString(i));
            anomalies.sendMessageAndAwait(keyed(anomaly, report.documentId(), anomalyId, AnomalyDetected.TYPE, report));
        }
        LOG.infof("Validated %s: %d findings", report.documentId(), findings.size());
    }

    private static <T> Message<T> keyed(T payload, String key, String id, String type, DisclosureValidated report) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(KafkaHeaders.of(CloudEvents.headers(id, type, CloudEvents.SOURCE_VALIDATION, key,
                        report.validatedAt())))
                .build();
        return Message.of(payload).addMetadata(metadata);
    }
}
