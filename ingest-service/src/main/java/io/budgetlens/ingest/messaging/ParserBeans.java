package io.budgetlens.ingest.messaging;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.HistoryReplay;
import io.budgetlens.ingest.IngestConfig;
import io.budgetlens.ingest.decode.pdf.PdfReader;
import io.budgetlens.ingest.intake.ReceivedIndex;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.smallrye.common.annotation.Identifier;

/**
 * The parser core, created once for the intake, the parser stage and the re-parse; and the re-parse of history:
 * every document on the compacted disclosure.received.v1 (up to where it ended when the job started) parsed again
 * and published with the current parser version, which downstream consumers take over an older version's result.
 * Deleted drafts are not re-parsed.
 */
@ApplicationScoped
public class ParserBeans {

    @Produces
    @Singleton
    DisclosureParser parser(IngestConfig config) {
        return new DisclosureParser(Clock.systemUTC(), new PdfReader.Limits(config.pdfMaxPages(),
                PdfReader.Limits.DEFAULT.maxGlyphsPerPage()));
    }

    @Produces
    @Singleton
    HistoryReplay reparse(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                          ManagedExecutor executor, DisclosureParser parser, ParsedPublisher publisher,
                          ReceivedIndex index) {
        return new HistoryReplay(Topics.RECEIVED, kafkaConfig, executor, record -> {
            if (index.isLoaded() && !index.contains(record.key())) {
                return HistoryReplay.Outcome.SKIPPED; // deleted while the replay ran
            }
            publisher.publish(parser.parse(EventJson.read(record.value(), DisclosureReceived.class)));
            return HistoryReplay.Outcome.DONE;
        });
    }
}
