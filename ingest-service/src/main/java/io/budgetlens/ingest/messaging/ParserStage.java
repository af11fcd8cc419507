package io.budgetlens.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.ingest.intake.ReceivedIndex;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.smallrye.common.annotation.Blocking;

/**
 * The parser stage: reads disclosure.received.v1 (group budgetlens-ingest), runs the parser core and publishes the
 * result on disclosure.parsed.v1. The record is acknowledged only after the parsed event is written. Input that is
 * not a disclosure becomes a REJECTED result; only undeserializable records go to the dead-letter topic.
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

    @Incoming("received")
    @Blocking
    public void parse(DisclosureReceived received) {
        index.record(received.documentId());
        DisclosureParsed parsed = parser.parse(received);
        publisher.publish(parsed);
        LOG.infof("Parsed %s (%s): %s", received.documentId(), received.filename(), parsed.status());
    }
}
