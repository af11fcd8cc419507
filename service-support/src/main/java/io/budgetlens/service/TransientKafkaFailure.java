package io.budgetlens.service;

import java.util.function.Predicate;

import org.apache.kafka.common.errors.RetriableException;

/**
 * A send that failed for a reason worth retrying with backoff (the broker did not acknowledge in time, a leader moved,
 * not enough in-sync replicas): Kafka's {@link RetriableException}s anywhere in the cause chain. A record too large, an
 * authorization failure or a serialization error is not, and fails at once. For {@code @RetryWhen(exception = …)}.
 */
public final class TransientKafkaFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }
}
