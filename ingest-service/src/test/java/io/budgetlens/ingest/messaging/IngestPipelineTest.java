package io.budgetlens.ingest.messaging;

import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.events.serde.KafkaHeaders;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.RecordHeaders;
import io.budgetlens.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Against the real broker: a posted document is on the received topic, then parsed, keyed and typed; the same bytes
 * posted again are a duplicate and are not parsed again; a REJECTED result is published for non-disclosures;
 * history can be re-parsed.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class IngestPipelineTest {

    static final Duration QUIET = Duration.ofSeconds(3);

    @Test
    void postedCorpusDocumentIsReceivedAndParsedOnceWithKeysAndCloudEventsHeaders() throws Exception {
        byte[] content = Files.readAllBytes(Path.of("..", "samples", "jiangjin-2024-final-accounts.txt"));
        String documentId = DocumentIds.of(content);

        asSubmitter().contentType("text/plain; charset=UTF-8").body(content)
                .queryParam("sourceUri", "file:samples/jiangjin-2024-final-accounts.txt")
                .post("/api/v1/documents")
                .then().statusCode(202)
                .header("Location", endsWith("/api/v1/disclosures/" + documentId))
                .body("documentId", equalTo(documentId))
                .body("status", equalTo("RECEIVED"));

        ConsumerRecord<String, byte[]> received = awaitRecord(Topics.RECEIVED, documentId);
        DisclosureReceived receivedEvent = EventJson.read(received.value(), DisclosureReceived.class);
        // pinned: the CloudEvents headers exactly as the contract (docs/events.md) has them
        assertThat(RecordHeaders.lines(received)).containsExactly(
                "ce_specversion=1.0",
                "ce_id=" + documentId + ":io.budgetlens.disclosure.received.v1:1",
                "ce_type=io.budgetlens.disclosure.received.v1",
                "ce_source=/budgetlens/ingest-service",
                "ce_subject=" + documentId,
                "ce_time=" + DateTimeFormatter.ISO_INSTANT.format(receivedEvent.receivedAt()),
                "content-type=application/json");
        assertThat(receivedEvent.content()).isEqualTo(content);
        assertThat(receivedEvent.contentType()).isEqualTo("text/plain");
        assertThat(receivedEvent.sourceUri()).isEqualTo("file:samples/jiangjin-2024-final-accounts.txt");

        ConsumerRecord<String, byte[]> parsed = awaitRecord(Topics.PARSED, documentId);
        DisclosureParsed parsedEvent = EventJson.read(parsed.value(), DisclosureParsed.class);
        assertThat(RecordHeaders.lines(parsed)).containsExactly(
                "ce_specversion=1.0",
                "ce_id=" + documentId + ":io.budgetlens.disclosure.parsed.v1:" + DisclosureParser.VERSION,
                "ce_type=io.budgetlens.disclosure.parsed.v1",
                "ce_source=/budgetlens/ingest-service",
                "ce_subject=" + documentId,
                "ce_time=" + DateTimeFormatter.ISO_INSTANT.format(parsedEvent.parsedAt()),
                "content-type=application/json");
        assertThat(parsedEvent.status()).isEqualTo(ParseStatus.PARSED);
        assertThat(parsedEvent.parserVersion()).isEqualTo(DisclosureParser.VERSION);
        assertThat(parsedEvent.meta().kind()).isEqualTo(DisclosureKind.FINAL_ACCOUNT);
        assertThat(parsedEvent.meta().fiscalYear()).isEqualTo(2024);

        asSubmitter().contentType("text/plain").body(content).post("/api/v1/documents")
                .then().statusCode(200)
                .body("documentId", equalTo(documentId))
                .body("status", equalTo("RECEIVED"))
                .body("duplicate", equalTo(true));
        assertThat(records(Topics.RECEIVED, documentId, QUIET)).as("received once").hasSize(1);
        assertThat(records(Topics.PARSED, documentId, QUIET)).as("parsed once").hasSize(1);
    }

    @Test
    void nonDisclosureIsPublishedAsRejectedWithReasonsAndDraftsKeepTheirVisibility() {
        byte[] news = "<html><body><h1>区财政局召开预算编制工作会议</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        String documentId = asSubmitter().contentType("text/html").body(news).queryParam("visibility", "draft")
                .post("/api/v1/documents").then().statusCode(202).extract().path("documentId");

        DisclosureParsed parsed = EventJson.read(awaitRecord(Topics.PARSED, documentId).value(), DisclosureParsed.class);
        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).isNotEmpty();
        assertThat(parsed.visibility()).isEqualTo(Visibility.DRAFT);
        assertThat(parsed.owner()).isEqualTo(io.budgetlens.testsupport.TestTokens.SUBMITTER);
    }

    @Test
    void nineMebibyteDocumentGoesThroughAndElevenIsRefused() {
        byte[] nine = filler(9 * 1024 * 1024);
        String documentId = DocumentIds.of(nine);
        asSubmitter().contentType("text/plain").body(nine).post("/api/v1/documents").then().statusCode(202);

        ConsumerRecord<String, byte[]> received = awaitRecord(Topics.RECEIVED, documentId);
        assertThat(EventJson.read(received.value(), DisclosureReceived.class).size()).isEqualTo(nine.length);
        awaitRecord(Topics.PARSED, documentId);

        asSubmitter().contentType("text/plain").body(filler(11 * 1024 * 1024)).post("/api/v1/documents")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("10485760"));
    }

    @Test
    void historyCanBeReparsedWithTheCurrentParser() {
        byte[] content = "某局2024年部门预算情况说明 一般公共预算拨款10万元, 基本支出8万元, 项目支出2万元。".getBytes(StandardCharsets.UTF_8);
        String documentId = DocumentIds.of(content);
        asSubmitter().contentType("text/plain").body(content).post("/api/v1/documents").then().statusCode(202);
        awaitRecord(Topics.PARSED, documentId);

        asAdmin().post("/api/v1/admin/reparse").then().statusCode(202).body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> asAdmin().get("/api/v1/admin/reparse")
                .then().statusCode(200).body("state", equalTo("DONE"))
                .body("parsed", greaterThanOrEqualTo(1))
                .body("parserVersion", equalTo(DisclosureParser.VERSION)));
        await().atMost(Duration.ofSeconds(60)).until(() -> records(Topics.PARSED, documentId, Duration.ofMillis(500))
                .size() >= 2);
    }

    @Test
    void poisonRecordOnTheReceivedTopicIsDeadLetteredAndParsingGoesOn() {
        KafkaTestClient.send(Topics.RECEIVED, "ingest-poison", "{\"documentId\": [not json".getBytes(StandardCharsets.UTF_8),
                java.util.Map.of());
        byte[] after = "某局2024年部门预算情况说明 after poison: 收入5万元, 支出5万元, 基本支出5万元".getBytes(StandardCharsets.UTF_8);
        String documentId = DocumentIds.of(after);
        asSubmitter().contentType("text/plain").body(after).post("/api/v1/documents").then().statusCode(202);

        awaitRecord(Topics.PARSED, documentId);
        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.RECEIVED_INGEST_DLQ, "ingest-poison");
        assertThat(KafkaHeaders.text(dead.headers(), "dead-letter-reason")).isNotBlank();
    }

    static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = ("2024年部门预算 " + size + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static List<ConsumerRecord<String, byte[]>> records(String topic, String key, Duration quiet) {
        return KafkaTestClient.readAll(topic, quiet).stream().filter(r -> key.equals(r.key())).toList();
    }

    static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> records(topic, key, Duration.ofMillis(500))
                .stream().findFirst().orElse(null), r -> r != null);
    }
}
