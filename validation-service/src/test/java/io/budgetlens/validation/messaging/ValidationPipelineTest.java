package io.budgetlens.validation.messaging;

import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.ParsedBuilder;
import io.budgetlens.testsupport.RecordHeaders;
import io.budgetlens.validation.rules.RuleEngine;
import io.quarkus.test.junit.QuarkusTest;

/** Against the real broker: parsed in, keyed report out; rejections skipped; poison records dead-lettered. */
@QuarkusTest
class ValidationPipelineTest {

    static DisclosureParsed parsed(String text, ParseStatus status) {
        String id = DocumentIds.of(text.getBytes(StandardCharsets.UTF_8));
        DisclosureMeta meta = new DisclosureMeta(DisclosureKind.BUDGET, null, 2024, text, null, null, null, null,
                null, null, null, null);
        return new DisclosureParsed(id, status, "0.1.0", Instant.parse("2026-11-25T10:00:00Z"), Visibility.PUBLIC,
                "text/plain", null, List.of(), meta, text, List.of(), List.of(), List.of(), Map.of(), List.of(), List.of());
    }

    @Test
    void parsedDisclosureGetsAKeyedReportWithCloudEventsHeaders() {
        DisclosureParsed parsed = parsed("某局2024年部门预算 report test", ParseStatus.PARSED);
        KafkaTestClient.send(Topics.PARSED, parsed.documentId(), EventJson.write(parsed), Map.of());

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.VALIDATED, parsed.documentId());
        DisclosureValidated report = EventJson.read(record.value(), DisclosureValidated.class);
        // pinned: the CloudEvents headers exactly as the contract (docs/events.md) has them
        assertThat(RecordHeaders.lines(record)).containsExactly(
                "ce_specversion=1.0",
                "ce_id=" + parsed.documentId() + ":io.budgetlens.disclosure.validated.v1:" + RuleEngine.RULESET_VERSION,
                "ce_type=io.budgetlens.disclosure.validated.v1",
                "ce_source=/budgetlens/validation-service",
                "ce_subject=" + parsed.documentId(),
                "ce_time=" + DateTimeFormatter.ISO_INSTANT.format(report.validatedAt()),
                "content-type=application/json");
        assertThat(report.rulesetVersion()).isEqualTo(RuleEngine.RULESET_VERSION);
        assertThat(report.parserVersion()).isEqualTo("0.1.0");
    }

    @Test
    void jiangjinFinalAccountsGiveAnomalyEventsForTheirErrors() throws Exception {
        DisclosureParsed jiangjin = io.budgetlens.validation.rules.CorpusValidationTestAccess.corpus(
                "jiangjin-2024-final-accounts.txt");
        KafkaTestClient.send(Topics.PARSED, jiangjin.documentId(), EventJson.write(jiangjin), Map.of());

        DisclosureValidated report = EventJson.read(awaitRecord(Topics.VALIDATED, jiangjin.documentId()).value(),
                DisclosureValidated.class);
        long anomalies = report.findings().stream().filter(f -> f.severity().isAnomaly()).count();
        assertThat(anomalies).isGreaterThanOrEqualTo(2);
        assertThat(report.completeness()).isNotNull();

        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(60)).until(
                () -> KafkaTestClient.readAll(Topics.ANOMALY, Duration.ofMillis(500)).stream()
                        .filter(r -> jiangjin.documentId().equals(r.key())).toList(), l -> l.size() == anomalies);
        assertThat(events).allSatisfy(r -> {
            AnomalyDetected anomaly = EventJson.read(r.value(), AnomalyDetected.class);
            assertThat(RecordHeaders.lines(r)).containsExactly(
                    "ce_specversion=1.0",
                    "ce_id=" + jiangjin.documentId() + ":io.budgetlens.disclosure.anomaly.v1:"
                            + RuleEngine.RULESET_VERSION + ":" + anomaly.findingIndex(),
                    "ce_type=io.budgetlens.disclosure.anomaly.v1",
                    "ce_source=/budgetlens/validation-service",
                    "ce_subject=" + jiangjin.documentId(),
                    "ce_time=" + DateTimeFormatter.ISO_INSTANT.format(report.validatedAt()),
                    "content-type=application/json");
        });
        assertThat(events).extracting(r -> EventJson.read(r.value(), AnomalyDetected.class).finding().ruleId())
                .contains("CHG-001");
    }

    @Test
    void rejectedParseResultIsSkippedAndPoisonIsDeadLettered() {
        DisclosureParsed rejected = parsed("not a disclosure", ParseStatus.REJECTED);
        KafkaTestClient.send(Topics.PARSED, rejected.documentId(), EventJson.write(rejected), Map.of());
        KafkaTestClient.send(Topics.PARSED, "poison", "]]not json".getBytes(StandardCharsets.UTF_8), Map.of());
        DisclosureParsed after = parsed("某局2024年部门预算 after poison", ParseStatus.PARSED);
        KafkaTestClient.send(Topics.PARSED, after.documentId(), EventJson.write(after), Map.of());

        awaitRecord(Topics.VALIDATED, after.documentId());
        awaitRecord(Topics.PARSED_VALIDATION_DLQ, "poison");
        assertThat(KafkaTestClient.readAll(Topics.VALIDATED, Duration.ofMillis(500)))
                .noneMatch(r -> rejected.documentId().equals(r.key()));
    }

    @Test
    void historyCanBeRevalidatedWithTheCurrentRuleset() {
        DisclosureParsed parsed = parsed("某局2024年部门预算 revalidate", ParseStatus.PARSED);
        KafkaTestClient.send(Topics.PARSED, parsed.documentId(), EventJson.write(parsed), Map.of());
        awaitRecord(Topics.VALIDATED, parsed.documentId());

        asAdmin().post("/api/v1/admin/revalidate").then().statusCode(202).body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> asAdmin().get("/api/v1/admin/revalidate")
                .then().statusCode(200).body("state", equalTo("DONE"))
                .body("rulesetVersion", equalTo(RuleEngine.RULESET_VERSION)));
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.readAll(Topics.VALIDATED,
                Duration.ofMillis(500)).stream().filter(r -> parsed.documentId().equals(r.key())).count() >= 2);
    }

    @Test
    void catalogueAndSynchronousValidationAnswerJsonAndProblems() {
        given().get("/api/v1/rules").then().statusCode(200)
                .body("rulesetVersion", equalTo(RuleEngine.RULESET_VERSION))
                .body("rules.size()", equalTo(29))
                .body("rules.find { it.id == 'NAR-001' }.family", equalTo("NARRATIVE_ARITHMETIC"));
        given().get("/api/v1/rules/CMP-001").then().statusCode(200).body("titleEn",
                equalTo("Comparison words agree with the figures they compare")).body("severity", equalTo("ERROR"));
        given().queryParam("family", "document_hygiene").get("/api/v1/rules").then().statusCode(200)
                .body("rules.id", org.hamcrest.Matchers.contains("HYG-001", "HYG-002", "HYG-003", "HYG-004", "HYG-005"));
        given().get("/api/v1/rules/XYZ-999").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("XYZ-999"));
        given().queryParam("family", "astrology").get("/api/v1/rules").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("NARRATIVE_ARITHMETIC"));
        DisclosureParsed parsed = parsed("某局2024年部门预算 sync", ParseStatus.PARSED);
        asSubmitter().contentType("application/json").body(EventJson.write(parsed)).post("/api/v1/validations")
                .then().statusCode(200).body("documentId", equalTo(parsed.documentId()));
        asSubmitter().contentType("application/json").body("{\"documentId\": \"x\"}").post("/api/v1/validations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("sha-256"));
    }

    @Test
    void adminAndSynchronousCallsNeedTheirRoles() {
        given().post("/api/v1/admin/revalidate").then().statusCode(401).contentType("application/problem+json");
        asSubmitter().post("/api/v1/admin/revalidate").then().statusCode(403).contentType("application/problem+json");
        DisclosureParsed parsed = parsed("某局2024年部门预算 roles", ParseStatus.PARSED);
        given().contentType("application/json").body(EventJson.write(parsed)).post("/api/v1/validations")
                .then().statusCode(401);
    }

    @Test
    void aDeletedDraftsTombstoneIsFollowedByItsValidatedTombstoneNotDeadLettered() {
        DisclosureParsed draft = ParsedBuilder.from(parsed("某局2025年部门预算 draft to delete", ParseStatus.PARSED))
                .visibility(Visibility.DRAFT).build();
        KafkaTestClient.send(Topics.PARSED, draft.documentId(), EventJson.write(draft), Map.of());
        awaitRecord(Topics.VALIDATED, draft.documentId());
        KafkaTestClient.send(Topics.PARSED, draft.documentId(), null, Map.of());

        ConsumerRecord<String, byte[]> tombstone = await().atMost(Duration.ofSeconds(60))
                .until(() -> KafkaTestClient.readAll(Topics.VALIDATED, Duration.ofMillis(500)).stream()
                        .filter(r -> draft.documentId().equals(r.key()) && r.value() == null).findFirst()
                        .orElse(null), r -> r != null);
        assertThat(RecordHeaders.lines(tombstone)).contains("ce_type=io.budgetlens.disclosure.deleted.v1",
                "ce_id=" + draft.documentId() + ":deleted", "ce_source=/budgetlens/validation-service");
        assertThat(KafkaTestClient.readAll(Topics.PARSED_VALIDATION_DLQ, Duration.ofMillis(500)))
                .noneMatch(r -> draft.documentId().equals(r.key()));
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.readAll(topic, Duration.ofMillis(500))
                .stream().filter(r -> key.equals(r.key())).findFirst().orElse(null), r -> r != null);
    }
}
