package io.budgetlens.ingest.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.TopicHistory;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.smallrye.common.annotation.Identifier;

/**
 * Re-parses history: reads every document on the compacted received topic (up to where it ended when the job
 * started) and publishes a fresh parse result for each, carrying the current parser version. Downstream consumers
 * replace an older parser version's result with the newer one. One job at a time; progress is observable.
 */
@ApplicationScoped
public class ReparseJob {

    private static final Logger LOG = Logger.getLogger(ReparseJob.class);

    /** Progress of the current or last job. */
    public record Status(String state, String parserVersion, long parsed, long failed, Instant startedAt,
                         Instant finishedAt, String error) {
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ParsedPublisher publisher;

    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status("IDLE", DisclosureParser.VERSION, 0, 0, null, null, null));

    public Status status() {
        return status.get();
    }

    /** Starts a job; false when one is already running. */
    public synchronized boolean start() {
        if ("RUNNING".equals(status.get().state())) {
            return false;
        }
        Instant started = Instant.now();
        status.set(new Status("RUNNING", DisclosureParser.VERSION, 0, 0, started, null, null));
        Thread worker = new Thread(() -> run(started), "reparse-history");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run(Instant started) {
        DisclosureParser parser = new DisclosureParser(Clock.systemUTC());
        AtomicLong parsed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try {
            TopicHistory.read(kafkaConfig, Topics.RECEIVED, true, record -> {
                try {
                    DisclosureReceived received = EventJson.read(record.value(), DisclosureReceived.class);
                    DisclosureParsed result = parser.parse(received);
                    publisher.publish(result);
                    parsed.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.warnf("Re-parse skipped record %s-%d@%d: %s", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
                status.set(new Status("RUNNING", DisclosureParser.VERSION, parsed.get(), failed.get(), started, null,
                        null));
            });
            status.set(new Status("DONE", DisclosureParser.VERSION, parsed.get(), failed.get(), started, Instant.now(),
                    null));
            LOG.infof("Re-parse done: %d documents, %d unreadable records", parsed.get(), failed.get());
        } catch (RuntimeException e) {
            status.set(new Status("FAILED", DisclosureParser.VERSION, parsed.get(), failed.get(), started,
                    Instant.now(), e.getMessage()));
            LOG.errorf(e, "Re-parse failed after %d documents", parsed.get());
        }
    }
}
