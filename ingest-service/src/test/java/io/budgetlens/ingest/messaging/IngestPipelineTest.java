package io.budgetlens.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.KafkaHeaders;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Against the real broker: a document posted over HTTP is on the received topic, then parsed, keyed and typed. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class IngestPipelineTest {

    @Test
    void postedCorpusDocumentIsReceivedAndParsedWithKeysAndCloudEventsHeaders() throws Exception {
        byte[] content = Files.readAllBytes(Path.of("..", "samples", "jiangjin-2024-final-accounts.txt"));
        String documentId = DocumentIds.of(content);

        given().contentType("text/plain; charset=UTF-8").body(content)
                .queryParam("sourceUri", "file:samples/jiangjin-2024-final-accounts.txt")
                .post("/api/v1/documents")
                .then().statusCode(202)
                .header("Location", endsWith("/api/v1/disclosures/" + documentId))
                .body("documentId", equalTo(documentId))
                .body("status", equalTo("RECEIVED"));

        ConsumerRecord<String, byte[]> received = awaitRecord(Topics.RECEIVED, documentId);
        assertThat(KafkaHeaders.text(received.headers(), CloudEvents.H_TYPE)).isEqualTo(DisclosureReceived.TYPE);
        assertThat(KafkaHeaders.text(received.headers(), CloudEvents.H_ID))
                .isEqualTo(documentId + ":" + DisclosureReceived.TYPE + ":1");
        assertThat(KafkaHeaders.text(received.headers(), CloudEvents.H_SUBJECT)).isEqualTo(documentId);
        assertThat(KafkaHeaders.text(received.headers(), CloudEvents.H_SPECVERSION)).isEqualTo("1.0");
        DisclosureReceived receivedEvent = EventJson.read(received.value(), DisclosureReceived.class);
        assertThat(receivedEvent.content()).isEqualTo(content);
        assertThat(receivedEvent.sha256()).isEqualTo(documentId);
        assertThat(receivedEvent.sourceUri()).isEqualTo("file:samples/jiangjin-2024-final-accounts.txt");

        ConsumerRecord<String, byte[]> parsed = awaitRecord(Topics.PARSED, documentId);
        assertThat(KafkaHeaders.text(parsed.headers(), CloudEvents.H_TYPE)).isEqualTo(DisclosureParsed.TYPE);
        assertThat(KafkaHeaders.text(parsed.headers(), CloudEvents.H_ID))
                .isEqualTo(documentId + ":" + DisclosureParsed.TYPE + ":" + DisclosureParser.VERSION);
        DisclosureParsed parsedEvent = EventJson.read(parsed.value(), DisclosureParsed.class);
        assertThat(parsedEvent.status()).isEqualTo(ParseStatus.PARSED);
        assertThat(parsedEvent.meta().kind()).isEqualTo(DisclosureKind.FINAL_ACCOUNT);
        assertThat(parsedEvent.meta().fiscalYear()).isEqualTo(2024);
    }

    @Test
    void nineMebibyteDocumentGoesThroughAndElevenIsRefused() {
        byte[] nine = filler(9 * 1024 * 1024);
        String documentId = DocumentIds.of(nine);
        given().contentType("text/plain").body(nine).post("/api/v1/documents").then().statusCode(202);

        ConsumerRecord<String, byte[]> received = awaitRecord(Topics.RECEIVED, documentId);
        assertThat(EventJson.read(received.value(), DisclosureReceived.class).size()).isEqualTo(nine.length);
        awaitRecord(Topics.PARSED, documentId);

        given().contentType("text/plain").body(filler(11 * 1024 * 1024)).post("/api/v1/documents")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("10485760"));
    }

    @Test
    void emptyBodyAndBadVisibilityAreProblems() {
        given().contentType("text/plain").body(new byte[0]).post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("empty"));
        given().contentType("text/plain").body("2024年部门预算").queryParam("visibility", "secret")
                .post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("draft"));
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = ("2024年部门预算 " + size + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readAll(topic, Duration.ofMillis(500));
            return records.stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
        }, r -> r != null);
    }
}
