package io.budgetlens.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.service.EventMessages;
import io.budgetlens.service.TransientKafkaFailure;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes parse results on disclosure.parsed.v1, keyed by documentId, waiting for the broker's acknowledgement. A
 * transient send failure (the broker did not acknowledge within the channel's delivery.timeout.ms, a leader moved) is
 * retried with backoff, twice, within 50 s; then the record fails and goes to the dead-letter topic. The same event
 * sent twice has the same ce_id.
 */
@ApplicationScoped
public class ParsedPublisher {

    @Inject
    @Channel("parsed")
    MutinyEmitter<DisclosureParsed> emitter;

    @Retry(maxRetries = 2, delay = 1000, jitter = 200, maxDuration = 50_000)
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    @RetryWhen(exception = TransientKafkaFailure.class)
    public void publish(DisclosureParsed parsed) {
        String id = CloudEvents.id(parsed.documentId(), DisclosureParsed.TYPE,
                CloudEvents.revisionVersion(parsed.parserVersion(), parsed.revisionNumber()), null);
        emitter.sendMessageAndAwait(EventMessages.keyed(parsed, parsed.documentId(), id, DisclosureParsed.TYPE,
                CloudEvents.SOURCE_INGEST, parsed.parsedAt()));
    }
}
