package io.budgetlens.reporting.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.SharedPostgres;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Foundation proof on a real KRaft broker and a real PostgreSQL: a received event goes through the service into
 * a database row, and a poison record goes to the dead-letter topic while the consumer keeps going.
 */
@QuarkusTest
class DisclosureEventsRoundTripTest {

    @Test
    void receivedEventLandsAsARowInPostgres() throws Exception {
        byte[] content = "重庆市江津区政务服务管理办公室2024年度部门决算".getBytes(StandardCharsets.UTF_8);
        String documentId = DocumentIds.of(content);
        DisclosureReceived event = new DisclosureReceived(documentId, "text/plain", "UTF-8", "file:jiangjin.txt",
                "jiangjin.txt", content.length, documentId, Instant.parse("2026-11-25T10:00:00Z"), Visibility.PUBLIC,
                content);
        Map<String, byte[]> headers = CloudEvents.headers(
                CloudEvents.id(documentId, DisclosureReceived.TYPE, "1", null), DisclosureReceived.TYPE,
                CloudEvents.SOURCE_INGEST, documentId, event.receivedAt());

        KafkaTestClient.send(Topics.RECEIVED, documentId, EventJson.write(event), headers);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/disclosures/{id}", documentId)
                .then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("sizeBytes", equalTo(content.length)));
        given().queryParam("size", 500).get("/api/v1/disclosures").then().statusCode(200)
                .body("items.find { it.documentId == '" + documentId + "' }.receivedAt",
                        equalTo("2026-11-25T10:00:00Z"));

        try (var connection = DriverManager.getConnection(SharedPostgres.jdbcUrl(), SharedPostgres.USER, "");
             var statement = connection.prepareStatement(
                     "SELECT status, source_uri FROM disclosure WHERE document_id = ?")) {
            statement.setString(1, documentId);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("status")).isEqualTo("RECEIVED");
                assertThat(rows.getString("source_uri")).isEqualTo("file:jiangjin.txt");
                assertThat(rows.next()).as("one row per documentId").isFalse();
            }
        }
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicOfItsOwnTopicAndConsumptionContinues() {
        // each poison record lands on its own topic's dead-letter topic, as raw bytes, with the topic it came from in
        // its headers
        Map<String, String> deadLetterTopics = Map.of(Topics.RECEIVED, Topics.RECEIVED_REPORTING_DLQ,
                Topics.PARSED, Topics.PARSED_REPORTING_DLQ, Topics.VALIDATED, Topics.VALIDATED_REPORTING_DLQ);
        byte[] garbage = "{not json at all".getBytes(StandardCharsets.UTF_8);
        deadLetterTopics.keySet().forEach(topic -> KafkaTestClient.send(topic, "poison-key-" + topic, garbage, Map.of()));

        byte[] content = "after the poison".getBytes(StandardCharsets.UTF_8);
        String documentId = DocumentIds.of(content);
        DisclosureReceived event = new DisclosureReceived(documentId, "text/plain", "UTF-8", null, null,
                content.length, documentId, Instant.now(), Visibility.PUBLIC, content);
        KafkaTestClient.send(Topics.RECEIVED, documentId, EventJson.write(event), Map.of());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/disclosures/{id}", documentId).then().statusCode(200));
        deadLetterTopics.forEach((topic, deadLetterTopic) -> await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    var deadLetters = KafkaTestClient.readAll(deadLetterTopic, Duration.ofSeconds(1));
                    assertThat(deadLetters).as(deadLetterTopic)
                            .filteredOn(record -> record.key().startsWith("poison-key-"))
                            .allSatisfy(record -> assertThat(record.key()).isEqualTo("poison-key-" + topic))
                            .anySatisfy(record -> {
                                assertThat(record.key()).isEqualTo("poison-key-" + topic);
                                assertThat(record.value()).isEqualTo(garbage);
                                assertThat(new String(record.headers().lastHeader("dead-letter-topic").value(),
                                        StandardCharsets.UTF_8)).isEqualTo(topic);
                            });
                }));
    }

    @Test
    void eventsArrivingOutOfOrderNeverMoveTheStatusBackwards() {
        byte[] content = "某局2024年部门预算 out of order".getBytes(StandardCharsets.UTF_8);
        String documentId = DocumentIds.of(content);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        DisclosureMeta meta = new DisclosureMeta(DisclosureKind.BUDGET, DisclosureScope.DEPARTMENT, 2024, "某局2024年部门预算",
                null, null, null, null, null, null, null, null);
        DisclosureValidated report = new DisclosureValidated(documentId, "0.1.0", "0.1.0", now, Visibility.PUBLIC,
                List.of(), List.of(), null);
        DisclosureParsed parsed = new DisclosureParsed(documentId, ParseStatus.PARSED, "0.1.0", now, Visibility.PUBLIC,
                "text/plain", null, List.of(), meta, "text", List.of(), List.of(), List.of(), Map.of(), List.of(), List.of());
        DisclosureReceived received = new DisclosureReceived(documentId, "text/plain", "UTF-8", null, null,
                content.length, documentId, now, Visibility.PUBLIC, content);

        KafkaTestClient.send(Topics.VALIDATED, documentId, EventJson.write(report), Map.of());
        // the report is stored, but the disclosure is VALIDATED only once its parse result is there too
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/disclosures/{id}", documentId).then().statusCode(200)
                .body("rulesetVersion", equalTo("0.1.0")).body("status", equalTo("RECEIVED")));

        KafkaTestClient.send(Topics.PARSED, documentId, EventJson.write(parsed), Map.of());
        KafkaTestClient.send(Topics.RECEIVED, documentId, EventJson.write(received), Map.of());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/disclosures/{id}", documentId).then().statusCode(200)
                .body("status", equalTo("VALIDATED"))
                .body("meta.kind", equalTo("BUDGET"))
                .body("meta.fiscalYear", equalTo(2024))
                .body("sizeBytes", equalTo(content.length)));
    }

    @Test
    void unknownAndMalformedIdsAnswerProblemJson() {
        given().get("/api/v1/disclosures/{id}", "a".repeat(64))
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("size", 0).get("/api/v1/disclosures")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/disclosures/{id}", "not-an-id")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("sha-256"));
    }
}
