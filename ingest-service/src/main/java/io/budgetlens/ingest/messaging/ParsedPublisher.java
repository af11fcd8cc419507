package io.budgetlens.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.serde.KafkaHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes parse results on disclosure.parsed.v1, keyed by documentId, waiting for the broker's acknowledgement. */
@ApplicationScoped
public class ParsedPublisher {

    @Inject
    @Channel("parsed")
    MutinyEmitter<DisclosureParsed> emitter;

    public void publish(DisclosureParsed parsed) {
        String id = CloudEvents.id(parsed.documentId(), DisclosureParsed.TYPE,
                CloudEvents.revisionVersion(parsed.parserVersion(), parsed.revisionNumber()), null);
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(parsed.documentId())
                .withHeaders(KafkaHeaders.of(CloudEvents.headers(id, DisclosureParsed.TYPE, CloudEvents.SOURCE_INGEST,
                        parsed.documentId(), parsed.parsedAt())))
                .build();
        emitter.sendMessageAndAwait(Message.of(parsed).addMetadata(metadata));
    }
}
