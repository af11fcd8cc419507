package io.budgetlens.validation.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.Finding;
import io.budgetlens.service.EventMessages;
import io.budgetlens.service.TransientKafkaFailure;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes a validation report on disclosure.validated.v1 and one anomaly per WARNING or ERROR finding on
 * disclosure.anomaly.v1, keyed by documentId, waiting for the broker's acknowledgement of each. A transient send failure
 * is retried with backoff (0.5 s doubling, within 40 s; events already sent are sent again with the same ce_id), so
 * the record's whole budget stays below the channel's unprocessed-record max age.
 */
@ApplicationScoped
public class ReportPublisher {

    @Inject
    @Channel("validated")
    MutinyEmitter<DisclosureValidated> validated;

    @Inject
    @Channel("anomalies")
    MutinyEmitter<AnomalyDetected> anomalies;

    @Retry(maxRetries = 4, delay = 500, jitter = 200, maxDuration = 40_000)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @RetryWhen(exception = TransientKafkaFailure.class)
    public void publish(DisclosureParsed parsed, DisclosureValidated report) {
        String version = CloudEvents.revisionVersion(report.rulesetVersion(), parsed.revisionNumber());
        String id = CloudEvents.id(report.documentId(), DisclosureValidated.TYPE, version, null);
        validated.sendMessageAndAwait(EventMessages.keyed(report, report.documentId(), id, DisclosureValidated.TYPE,
                CloudEvents.SOURCE_VALIDATION, report.validatedAt()));
        List<Finding> findings = report.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (!finding.severity().isAnomaly()) {
                continue;
            }
            AnomalyDetected anomaly = new AnomalyDetected(report.documentId(), report.rulesetVersion(), i,
                    report.validatedAt(), report.visibility(), parsed.meta(), finding, report.revision(),
                    report.owner());
            String anomalyId = CloudEvents.id(report.documentId(), AnomalyDetected.TYPE, version,
                    Integer.toString(i));
            anomalies.sendMessageAndAwait(EventMessages.keyed(anomaly, report.documentId(), anomalyId,
                    AnomalyDetected.TYPE, CloudEvents.SOURCE_VALIDATION, report.validatedAt()));
        }
    }
}
