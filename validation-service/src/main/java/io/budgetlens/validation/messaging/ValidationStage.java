package io.budgetlens.validation.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Topics;
import io.budgetlens.service.RecordDeadline;
import io.budgetlens.service.Tombstones;
import io.budgetlens.validation.rules.RuleEngine;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes disclosure.parsed.v1 (group budgetlens-validation), validates each PARSED disclosure and publishes its
 * report and anomalies; REJECTED parse results are skipped. The incoming record is acknowledged only after the writes.
 * Validation that outlasts {@code budgetlens.validation.deadline}, or a send that still fails after its retries
 * ({@link ReportPublisher}), sends the record to the dead-letter topic with the reason, and the partition moves on.
 * A tombstone (a deleted draft) is answered with the draft's tombstone on disclosure.validated.v1.
 */
@ApplicationScoped
public class ValidationStage {

    private static final Logger LOG = Logger.getLogger(ValidationStage.class);

    @Inject
    RuleEngine engine;

    @Inject
    ReportPublisher publisher;

    @Inject
    Tombstones tombstones;

    /** One record's validation; with the report's send retries below the unprocessed-record max age (120 s). */
    @ConfigProperty(name = "budgetlens.validation.deadline", defaultValue = "30s")
    Duration deadline;

    @Incoming("parsed")
    @Blocking
    public void onParsed(ConsumerRecord<String, DisclosureParsed> record) {
        DisclosureParsed parsed = record.value();
        if (parsed == null) {
            tombstones.write(Topics.VALIDATED, record.key(), CloudEvents.SOURCE_VALIDATION);
            return;
        }
        if (parsed.status() != ParseStatus.PARSED) {
            LOG.debugf("Skipping %s: %s", parsed.documentId(), parsed.status());
            return;
        }
        DisclosureValidated report = RecordDeadline.within(deadline, "validating " + parsed.documentId(),
                () -> engine.validate(parsed));
        publisher.publish(parsed, report);
        LOG.infof("Validated %s: %d findings", report.documentId(), report.findings().size());
    }
}
