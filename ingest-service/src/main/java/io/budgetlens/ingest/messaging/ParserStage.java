package io.budgetlens.ingest.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.serde.KafkaHeaders;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.ingest.parse.UndecodableDocumentException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The parser stage: reads disclosure.received.v1, runs the parser core, publishes disclosure.parsed.v1 keyed by
 * documentId. Input that cannot be decoded as text is a REJECTED result, not a dead letter.
 */
@ApplicationScoped
public class ParserStage {

    private static final Logger LOG = Logger.getLogger(ParserStage.class);

    private final DisclosureParser parser = new DisclosureParser(Clock.systemUTC());

    @Incoming("received")
    @Outgoing("parsed")
    @Blocking
    public Message<DisclosureParsed> parse(Message<DisclosureReceived> message) {
        DisclosureReceived received = message.getPayload();
        DisclosureParsed parsed;
        try {
            parsed = parser.parse(received);
        } catch (UndecodableDocumentException e) {
            parsed = DisclosureParsed.rejected(received.documentId(), DisclosureParser.VERSION, java.time.Instant.now(),
                    received.visibility(), received.contentType(), received.sourceUri(), java.util.List.of(e.getMessage()));
        }
        LOG.infof("Parsed %s: %s", received.documentId(), parsed.status());
        String id = CloudEvents.id(parsed.documentId(), DisclosureParsed.TYPE, parsed.parserVersion(), null);
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(parsed.documentId())
                .withHeaders(KafkaHeaders.of(CloudEvents.headers(id, DisclosureParsed.TYPE, CloudEvents.SOURCE_INGEST,
                        parsed.documentId(), parsed.parsedAt())))
                .build();
        return message.withPayload(parsed).addMetadata(metadata);
    }
}
