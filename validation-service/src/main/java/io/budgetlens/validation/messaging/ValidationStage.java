package io.budgetlens.validation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.validation.rules.RuleEngine;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Consumes disclosure.parsed.v1 (group budgetlens-validation), validates each PARSED disclosure and publishes its
 * report and anomalies. REJECTED parse results are skipped. The incoming record is acknowledged only after the writes;
 * transient failures are retried with backoff.
 */
@ApplicationScoped
public class ValidationStage {

    private static final Logger LOG = Logger.getLogger(ValidationStage.class);

    @Inject
    RuleEngine engine;

    @Inject
    ReportPublisher publisher;

    /**
     * A failure while validating or publishing (a broker that does not acknowledge in time) is retried with
     * exponential backoff for up to two minutes before the record goes to the dead-letter topic; records that cannot
     * be deserialized never reach this method and are dead-lettered at once.
     */
    @Incoming("parsed")
    @Blocking
    @Retry(maxRetries = 8, delay = 500, maxDuration = 120_000, jitter = 200)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onParsed(DisclosureParsed parsed) {
        if (parsed.status() != ParseStatus.PARSED) {
            LOG.debugf("Skipping %s: %s", parsed.documentId(), parsed.status());
            return;
        }
        DisclosureValidated report = engine.validate(parsed);
        publisher.publish(parsed, report);
        LOG.infof("Validated %s: %d findings", report.documentId(), report.findings().size());
    }
}
