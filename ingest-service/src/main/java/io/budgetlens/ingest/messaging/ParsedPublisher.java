package io.budgetlens.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.service.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Publishes parse results on disclosure.parsed.v1, keyed by documentId, waiting for the broker's acknowledgement. */
@ApplicationScoped
public class ParsedPublisher {

    @Inject
    @Channel("parsed")
    MutinyEmitter<DisclosureParsed> emitter;

    public void publish(DisclosureParsed parsed) {
        String id = CloudEvents.id(parsed.documentId(), DisclosureParsed.TYPE,
                CloudEvents.revisionVersion(parsed.parserVersion(), parsed.revisionNumber()), null);
        emitter.sendMessageAndAwait(EventMessages.keyed(parsed, parsed.documentId(), id, DisclosureParsed.TYPE,
                CloudEvents.SOURCE_INGEST, parsed.parsedAt()));
    }
}
