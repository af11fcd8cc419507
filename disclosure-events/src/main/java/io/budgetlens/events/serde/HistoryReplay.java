package io.budgetlens.events.serde;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A replay of a compacted topic's history ({@link TopicHistory#read}, up to where the topic ended when the replay
 * started) as a background job on the executor it is given: one replay at a time, its progress observable. How
 * ingest-service re-parses history and validation-service re-validates it. Deleted documents are not replayed: a
 * first pass over the keys finds the documents whose latest record is a tombstone (a deleted draft not yet compacted
 * away), and their records are skipped like the tombstones themselves.
 */
public final class HistoryReplay {

    private static final System.Logger LOG = System.getLogger(HistoryReplay.class.getName());

    /** Where a replay is: never started, running, finished, or stopped by a failure to read the topic. */
    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    /** What the handler did with one record; a handler that throws counts the record as failed and goes on. */
    public enum Outcome {
        DONE, SKIPPED
    }

    /** Handles one record of the history. */
    @FunctionalInterface
    public interface Handler {
        Outcome handle(ConsumerRecord<String, byte[]> record);
    }

    /** Progress of the current or last replay: records done, skipped and failed, when it started and ended. */
    public record Progress(State state, long done, long skipped, long failed, Instant startedAt, Instant finishedAt,
                           String error) {

        static final Progress IDLE = new Progress(State.IDLE, 0, 0, 0, null, null, null);

        Progress count(Outcome outcome) {
            return new Progress(state, done + (outcome == Outcome.DONE ? 1 : 0),
                    skipped + (outcome == Outcome.SKIPPED ? 1 : 0), failed + (outcome == null ? 1 : 0), startedAt,
                    finishedAt, error);
        }

        Progress finish(State end, String cause) {
            return new Progress(end, done, skipped, failed, startedAt, Instant.now(), cause);
        }
    }

    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private final Executor executor;
    private final Handler handler;
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);

    /**
     * @param kafkaConfig client settings (bootstrap servers, security…)
     * @param executor    runs the replay (a managed executor in a service)
     */
    public HistoryReplay(String topic, Map<String, Object> kafkaConfig, Executor executor, Handler handler) {
        this.topic = topic;
        this.kafkaConfig = kafkaConfig;
        this.executor = executor;
        this.handler = handler;
    }

    public Progress progress() {
        return progress.get();
    }

    /** Starts a replay; false when one is already running. */
    public synchronized boolean start() {
        if (progress.get().state() == State.RUNNING) {
            return false;
        }
        progress.set(new Progress(State.RUNNING, 0, 0, 0, Instant.now(), null, null));
        executor.execute(this::run);
        return true;
    }

    private void run() {
        try {
            Set<String> deleted = new HashSet<>();
            TopicHistory.read(kafkaConfig, topic, false, record -> {
                if (record.value() == null) {
                    deleted.add(record.key());
                } else {
                    deleted.remove(record.key());
                }
            });
            TopicHistory.read(kafkaConfig, topic, true, record -> {
                Outcome outcome;
                try {
                    outcome = record.value() == null || deleted.contains(record.key()) ? Outcome.SKIPPED
                            : handler.handle(record);
                } catch (RuntimeException e) {
                    outcome = null;
                    LOG.log(Level.WARNING, "Replay of {0} skipped record {1}-{2}@{3}: {4}", topic, record.topic(),
                            record.partition(), record.offset(), e.getMessage());
                }
                Outcome counted = outcome;
                progress.updateAndGet(p -> p.count(counted));
            });
            Progress done = progress.updateAndGet(p -> p.finish(State.DONE, null));
            LOG.log(Level.INFO, "Replay of {0} done: {1} records, {2} skipped, {3} unreadable", topic, done.done(),
                    done.skipped(), done.failed());
        } catch (RuntimeException e) {
            Progress failed = progress.updateAndGet(p -> p.finish(State.FAILED, e.getMessage()));
            LOG.log(Level.ERROR, "Replay of " + topic + " failed after " + failed.done() + " records", e);
        }
    }
}
