package io.budgetlens.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.Topics;
import io.budgetlens.ingest.IngestConfig;
import io.budgetlens.ingest.intake.ReceivedIndex;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.service.LogSafe;
import io.budgetlens.service.RecordDeadline;
import io.budgetlens.service.Tombstones;
import io.smallrye.common.annotation.Blocking;

/**
 * The parser stage: reads disclosure.received.v1 (group budgetlens-ingest), runs the parser core and publishes the
 * result on disclosure.parsed.v1. The record is acknowledged only after the parsed event is written. Input that is
 * not a disclosure becomes a REJECTED result; undeserializable records, and records whose parsing outlasts
 * {@code budgetlens.ingest.parse-deadline}, go to the dead-letter topic with the reason, and the partition moves on. A
 * tombstone (a deleted draft) is answered with the draft's tombstone on disclosure.parsed.v1, after any parse result
 * of it, since both come from this stage in the order of the received partition.
 */
@ApplicationScoped
public class ParserStage {

    private static final Logger LOG = Logger.getLogger(ParserStage.class);

    @Inject
    DisclosureParser parser;

    @Inject
    ParsedPublisher publisher;

    @Inject
    ReceivedIndex index;

    @Inject
    Tombstones tombstones;

    @Inject
    IngestConfig config;

    @Incoming("received")
    @Blocking
    public void parse(ConsumerRecord<String, DisclosureReceived> record) {
        DisclosureReceived received = record.value();
        if (received == null) {
            index.forget(record.key());
            tombstones.write(Topics.PARSED, record.key(), CloudEvents.SOURCE_INGEST);
            return;
        }
        index.record(received.documentId());
        DisclosureParsed parsed = RecordDeadline.within(config.parseDeadline(), "parsing " + received.documentId(),
                () -> parser.parse(received));
        publisher.publish(parsed);
        LOG.infof("Parsed %s (%s): %s", received.documentId(), LogSafe.text(received.filename()), parsed.status());
    }
}
