package io.budgetlens.ingest.messaging;

import static io.budgetlens.ingest.messaging.IngestPipelineTest.awaitRecord;
import static io.budgetlens.ingest.messaging.IngestPipelineTest.records;
import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A document that reached the received topic before this service instance started (a previous instance took it) is
 * recognised as a duplicate after the restart: the index is rebuilt from the compacted topic, not kept in memory.
 */
@QuarkusTest
@TestProfile(DuplicateAcrossRestartTest.Restarted.class)
class DuplicateAcrossRestartTest {

    static final byte[] CONTENT = "某局2024年部门预算情况说明 (taken by the previous instance) 收入10万元 支出10万元 项目支出2万元"
            .getBytes(StandardCharsets.UTF_8);
    static final String DOCUMENT_ID = DocumentIds.of(CONTENT);

    /** A fresh Quarkus application with a record already on the received topic before it starts. */
    public static class Restarted implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SeedReceivedTopic.class));
        }
    }

    /** Publishes the document the way a previous ingest instance did, before the application starts. */
    public static class SeedReceivedTopic implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            var event = new DisclosureReceived(DOCUMENT_ID, "text/plain", null, null, "previous.txt", CONTENT.length,
                    DOCUMENT_ID, Instant.now(), Visibility.PUBLIC, CONTENT);
            KafkaTestClient.send(Topics.RECEIVED, DOCUMENT_ID, EventJson.write(event), Map.of());
            return Map.of("kafka.bootstrap.servers", io.budgetlens.testsupport.SharedKafkaBroker.bootstrapServers(),
                    "quarkus.kafka.devservices.enabled", "false");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void sameBytesAfterARestartAreADuplicateAndAreNotParsedAgain() {
        awaitRecord(Topics.PARSED, DOCUMENT_ID);

        asSubmitter().contentType("text/plain").body(CONTENT).post("/api/v1/documents")
                .then().statusCode(200).body("duplicate", equalTo(true)).body("documentId", equalTo(DOCUMENT_ID));

        assertThat(records(Topics.RECEIVED, DOCUMENT_ID, IngestPipelineTest.QUIET)).hasSize(1);
        assertThat(records(Topics.PARSED, DOCUMENT_ID, IngestPipelineTest.QUIET)).hasSize(1);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
