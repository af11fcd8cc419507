package io.budgetlens.validation.messaging;

import static io.budgetlens.validation.messaging.ValidationPipelineTest.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.KafkaHeaders;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.validation.rules.RuleEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A record whose validation stalls (here: a rule engine that waits forever on documents titled STALL) is sent to the
 * dead-letter topic with the reason in its headers once the record's deadline passes, and the records behind it are
 * validated: the partition moves on and the channel is not failed.
 */
@QuarkusTest
@TestProfile(StalledRecordTest.Stalling.class)
class StalledRecordTest {

    /** The stalling rule engine and a 2-second deadline. */
    public static class Stalling implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(StallingEngine.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("budgetlens.validation.deadline", "2s");
        }
    }

    /** The standard rules, except that a document whose title starts with STALL never finishes validating. */
    @Alternative
    @ApplicationScoped
    public static class StallingEngine {

        @Produces
        @Singleton
        RuleEngine engine() {
            RuleEngine standard = RuleEngine.standard(Clock.systemUTC());
            return new RuleEngine(List.of(), Clock.systemUTC()) {
                @Override
                public DisclosureValidated validate(DisclosureParsed disclosure) {
                    if (disclosure.meta().title().startsWith("STALL")) {
                        try {
                            new CountDownLatch(1).await(); // stalls until the deadline interrupts it
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted", e);
                        }
                    }
                    return standard.validate(disclosure);
                }
            };
        }
    }

    @Test
    void aStalledRecordIsDeadLetteredWithItsReasonAndTheRecordsBehindItAreValidated() {
        DisclosureParsed stalled = parsed("STALL 某局2024年部门预算", ParseStatus.PARSED);
        DisclosureParsed first = parsed("某局2024年部门预算 behind the stall 1", ParseStatus.PARSED);
        DisclosureParsed second = parsed("某局2024年部门预算 behind the stall 2", ParseStatus.PARSED);
        for (DisclosureParsed p : List.of(stalled, first, second)) {
            KafkaTestClient.send(Topics.PARSED, p.documentId(), EventJson.write(p), Map.of());
        }

        for (DisclosureParsed p : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> record(Topics.VALIDATED, p.documentId()) != null);
        }
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> record(Topics.PARSED_VALIDATION_DLQ, stalled.documentId()), r -> r != null);
        assertThat(KafkaHeaders.text(dead.headers(), "dead-letter-reason")).contains("validating " + stalled.documentId())
                .contains("did not finish within 2000 ms");
        assertThat(EventJson.read(dead.value(), DisclosureParsed.class).documentId()).isEqualTo(stalled.documentId());
        assertThat(record(Topics.VALIDATED, stalled.documentId())).isNull();
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key) {
        return KafkaTestClient.readAll(topic, Duration.ofMillis(500)).stream().filter(r -> key.equals(r.key()))
                .findFirst().orElse(null);
    }
}
