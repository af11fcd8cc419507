package io.budgetlens.validation.messaging;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.HistoryReplay;
import io.budgetlens.validation.rules.RuleEngine;
import io.smallrye.common.annotation.Identifier;

/**
 * The rule engine, created once for the stage, the REST endpoints and the re-validation; and the re-validation of
 * history after a ruleset upgrade: every parsed disclosure on the compacted disclosure.parsed.v1 (up to where it
 * ended when the job started) validated again and its report published with the current ruleset version, which
 * reporting takes over an older ruleset's report. REJECTED parse results are skipped.
 */
@ApplicationScoped
public class RuleBeans {

    @Produces
    @Singleton
    RuleEngine engine() {
        return RuleEngine.standard(Clock.systemUTC());
    }

    @Produces
    @Singleton
    HistoryReplay revalidate(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                             ManagedExecutor executor, RuleEngine engine, ReportPublisher publisher) {
        return new HistoryReplay(Topics.PARSED, kafkaConfig, executor, record -> {
            DisclosureParsed parsed = EventJson.read(record.value(), DisclosureParsed.class);
            if (parsed.status() != ParseStatus.PARSED) {
                return HistoryReplay.Outcome.SKIPPED;
            }
            publisher.publish(parsed, engine.validate(parsed));
            return HistoryReplay.Outcome.DONE;
        });
    }
}
