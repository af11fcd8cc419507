package io.budgetlens.reporting.crossdoc;

import static io.budgetlens.reporting.crossdoc.CrossDocumentTest.awaitStatus;
import static io.budgetlens.reporting.crossdoc.CrossDocumentTest.budget;
import static io.budgetlens.reporting.crossdoc.CrossDocumentTest.priorBudget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Topics;
import io.budgetlens.reporting.Seed;
import io.budgetlens.reporting.messaging.AnomalyOutbox;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.SharedKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A broken anomaly send loses nothing: while disclosure.anomaly.v1 does not exist (deleted on the real broker, and
 * the broker creates no topics on its own) the cross-document finding is stored and its anomaly waits in the outbox;
 * once the topic is back, the relay publishes it and marks it sent.
 */
@QuarkusTest
class AnomalyOutboxTest {

    @Inject
    AnomalyOutbox outbox;

    @Test
    void anAnomalyWhoseSendFailsWaitsInTheOutboxAndIsPublishedWhenTheBrokerTakesItAgain() throws Exception {
        String department = "重庆市巴南区发件箱测试办公室";
        DisclosureParsed budget2024 = budget(department, 2024, "outbox 2024", null);
        DisclosureParsed budget2023 = priorBudget(department, "outbox 2023", "290.00", "0.50");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafkaBroker.bootstrapServers()))) {
            admin.deleteTopics(List.of(Topics.ANOMALY)).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !admin.listTopics().names().get().contains(Topics.ANOMALY));

            Seed.send(budget2024);
            Seed.send(budget2023);
            awaitStatus(budget2024.documentId(), "PARSED");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                    .queryParam("documentId", budget2024.documentId()).queryParam("ruleId", "XDOC-001")
                    .get("/api/v1/findings").then().body("total", equalTo(1)));
            // the finding is stored; its anomaly cannot be sent and stays queued through the relay's attempts
            assertThat(outbox.pending()).isPositive();
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20))
                    .until(() -> outbox.pending() > 0);

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                try {
                    SharedKafkaBroker.createTopics(SharedKafkaBroker.bootstrapServers(), List.of(Topics.ANOMALY_SPEC));
                    return admin.listTopics().names().get().contains(Topics.ANOMALY);
                } catch (IllegalStateException e) {
                    return false; // still being deleted
                }
            });
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> outbox.pending() == 0);
        List<ConsumerRecord<String, byte[]>> published = KafkaTestClient.readAll(Topics.ANOMALY,
                Duration.ofSeconds(1)).stream().filter(r -> budget2024.documentId().equals(r.key())).toList();
        assertThat(published).anySatisfy(r -> assertThat(EventJson.read(r.value(), AnomalyDetected.class).finding()
                .ruleId()).isEqualTo("XDOC-001"));
    }
}
