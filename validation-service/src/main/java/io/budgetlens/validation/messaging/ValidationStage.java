package io.budgetlens.validation.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.validation.rules.RuleEngine;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes disclosure.parsed.v1 (group budgetlens-validation), validates each PARSED disclosure and publishes its
 * report and anomalies. REJECTED parse results are skipped. The incoming record is acknowledged only after the writes.
 */
@ApplicationScoped
public class ValidationStage {

    private static final Logger LOG = Logger.getLogger(ValidationStage.class);

    private final RuleEngine engine = RuleEngine.standard(Clock.systemUTC());

    @Inject
    ReportPublisher publisher;

    @Incoming("parsed")
    @Blocking
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
