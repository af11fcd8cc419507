package io.budgetlens.validation.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.TopicHistory;
import io.budgetlens.validation.rules.RuleEngine;
import io.smallrye.common.annotation.Identifier;

/**
 * Re-validates history after a ruleset upgrade: reads every parsed disclosure on the compacted disclosure.parsed.v1
 * (up to where it ended when the job started) and publishes a report with the current ruleset version for each.
 * Reporting replaces a report of an older ruleset with the newer one. One job at a time.
 */
@ApplicationScoped
public class RevalidateJob {

    private static final Logger LOG = Logger.getLogger(RevalidateJob.class);

    /** Progress of the current or last job. */
    public record Status(String state, String rulesetVersion, long validated, long skipped, long failed,
                         Instant startedAt, Instant finishedAt, String error) {
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ReportPublisher publisher;

    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status("IDLE", RuleEngine.RULESET_VERSION, 0, 0, 0, null, null, null));

    public Status status() {
        return status.get();
    }

    public synchronized boolean start() {
        if ("RUNNING".equals(status.get().state())) {
            return false;
        }
        Instant started = Instant.now();
        status.set(new Status("RUNNING", RuleEngine.RULESET_VERSION, 0, 0, 0, started, null, null));
        Thread worker = new Thread(() -> run(started), "revalidate-history");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run(Instant started) {
        RuleEngine engine = RuleEngine.standard(Clock.systemUTC());
        AtomicLong validated = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try {
            TopicHistory.read(kafkaConfig, Topics.PARSED, true, record -> {
                try {
                    DisclosureParsed parsed = EventJson.read(record.value(), DisclosureParsed.class);
                    if (parsed.status() != ParseStatus.PARSED) {
                        skipped.incrementAndGet();
                    } else {
                        publisher.publish(parsed, engine.validate(parsed));
                        validated.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.warnf("Re-validation skipped record %s-%d@%d: %s", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
                status.set(new Status("RUNNING", RuleEngine.RULESET_VERSION, validated.get(), skipped.get(),
                        failed.get(), started, null, null));
            });
            status.set(new Status("DONE", RuleEngine.RULESET_VERSION, validated.get(), skipped.get(), failed.get(),
                    started, Instant.now(), null));
        } catch (RuntimeException e) {
            status.set(new Status("FAILED", RuleEngine.RULESET_VERSION, validated.get(), skipped.get(), failed.get(),
                    started, Instant.now(), e.getMessage()));
            LOG.errorf(e, "Re-validation failed after %d documents", validated.get());
        }
    }
}
