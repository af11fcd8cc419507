package io.budgetlens.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time one Kafka record may take in a consumer's own work (parsing, validating), shorter than the channel's
 * unprocessed-record max age: past it the work is interrupted and {@link Exceeded} is thrown, so the channel's failure
 * strategy dead-letters the record with that reason and the partition moves on, instead of the whole channel being
 * marked failed. The work runs on a pool thread; a task that ignores the interrupt keeps that thread until it ends.
 */
public final class RecordDeadline {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "record-deadline-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private RecordDeadline() {
    }

    /** The record's work did not finish in time; the message is the dead-letter reason. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code work} and answers its result, or throws {@link Exceeded} after {@code limit}.
     *
     * @param what what the work is, for the reason ("parsing 3fa…")
     */
    public static <T> T within(Duration limit, String what, Callable<T> work) {
        Future<T> future = POOL.submit(work);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Exceeded(what + " did not finish within " + limit.toMillis() + " ms (the record's processing "
                    + "deadline); dead-lettered so the partition moves on");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Exceeded(what + " was interrupted");
        }
    }
}
