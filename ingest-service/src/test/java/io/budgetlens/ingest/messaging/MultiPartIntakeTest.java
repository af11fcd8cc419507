package io.budgetlens.ingest.messaging;

import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParsedPart;
import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.KafkaHeaders;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.SharedPdfs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Against the real broker: a disclosure published as two files (the Jiangsu narrative and tables PDFs) becomes one
 * document however it is sent — one multipart upload, a ZIP, or the narrative first and the tables added later as a
 * new revision — and separate uploads are never merged by themselves.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class MultiPartIntakeTest {

    static final String NARRATIVE = "jiangsu-2019-dept-budget-zhengxie-narrative";
    static final String TABLES = "jiangsu-2019-dept-budget-zhengxie-tables";

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry("disclosure/" + name + ".pdf"));
                zip.write(SharedPdfs.bytes(name));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static DisclosureParsed awaitParsed(String id, int revision) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> IngestPipelineTest.records(Topics.PARSED, id,
                        Duration.ofMillis(500)).stream().map(r -> EventJson.read(r.value(), DisclosureParsed.class))
                .filter(p -> p.revisionNumber() == revision).findFirst().orElse(null), p -> p != null);
    }

    @Test
    void twoFilesInOneUploadOrInAZipAreOneDocumentWithAllTwelveTables() throws IOException {
        assumeTrue(SharedPdfs.folder() != null, SharedPdfs.missingMessage());
        byte[] narrative = SharedPdfs.bytes(NARRATIVE);
        byte[] tables = SharedPdfs.bytes(TABLES);
        String id = DocumentIds.ofParts(List.of(DocumentIds.of(narrative), DocumentIds.of(tables)));

        asSubmitter().multiPart("file", TABLES + ".pdf", tables, "application/pdf")
                .multiPart("file", NARRATIVE + ".pdf", narrative, "application/pdf")
                .post("/api/v1/documents")
                .then().statusCode(202).body("documentId", equalTo(id));
        ConsumerRecord<String, byte[]> record = IngestPipelineTest.awaitRecord(Topics.RECEIVED, id);
        DisclosureReceived received = EventJson.read(record.value(), DisclosureReceived.class);
        assertThat(received.allParts()).hasSize(2);
        assertThat(received.allParts()).allSatisfy(p -> assertThat(p.content()).isNotEmpty());

        DisclosureParsed parsed = awaitParsed(id, 1);
        assertThat(parsed.parts()).extracting(ParsedPart::role).containsExactly(ParsedPart.NARRATIVE, ParsedPart.TABLES);
        assertThat(parsed.tables()).hasSize(12);
        assertThat(parsed.isPartial()).isFalse();

        // The same two files as a ZIP, in the other order: the same document, a duplicate.
        asSubmitter().contentType("application/zip").body(zip(NARRATIVE, TABLES)).post("/api/v1/documents")
                .then().statusCode(200).body("documentId", equalTo(id)).body("duplicate", equalTo(true));
    }

    @Test
    void aPartAddedLaterIsANewRevisionOfTheSameDocument() {
        assumeTrue(SharedPdfs.folder() != null, SharedPdfs.missingMessage());
        byte[] narrative = SharedPdfs.bytes("jiangsu-2019-dept-budget-shengweibangongting-narrative");
        byte[] tables = SharedPdfs.bytes("jiangsu-2019-dept-budget-shengweibangongting-tables");
        String id = DocumentIds.of(narrative);
        asSubmitter().contentType("application/pdf").body(narrative).post("/api/v1/documents").then().statusCode(202);
        // Uploaded on their own, the tables are a document of their own (a partial one): never merged silently.
        asSubmitter().contentType("application/pdf").body(tables).post("/api/v1/documents").then().statusCode(202)
                .body("documentId", equalTo(DocumentIds.of(tables)));
        assertThat(awaitParsed(DocumentIds.of(tables), 1).isPartial()).isTrue();
        assertThat(awaitParsed(id, 1).tables()).isEmpty();

        asSubmitter().contentType("application/pdf").queryParam("filename", "tables.pdf").body(tables)
                .post("/api/v1/documents/" + id + "/parts")
                .then().statusCode(202).body("documentId", equalTo(id));
        DisclosureParsed revision2 = awaitParsed(id, 2);
        assertThat(revision2.tables()).hasSize(12);
        assertThat(revision2.parts()).extracting(ParsedPart::filename).containsExactly(null, "tables.pdf");
        ConsumerRecord<String, byte[]> parsedRecord = IngestPipelineTest.records(Topics.PARSED, id,
                Duration.ofMillis(500)).stream().filter(r -> EventJson.read(r.value(), DisclosureParsed.class)
                .revisionNumber() == 2).findFirst().orElseThrow();
        assertThat(KafkaHeaders.text(parsedRecord.headers(), CloudEvents.H_ID)).endsWith("+r2");

        // The same part again: nothing new.
        asSubmitter().contentType("application/pdf").body(tables).post("/api/v1/documents/" + id + "/parts")
                .then().statusCode(200).body("duplicate", equalTo(true));
    }

    @Test
    void addingToAnUnknownOrMalformedDocumentIsA4xxProblem() {
        asSubmitter().contentType("text/plain").body("x").post("/api/v1/documents/" + "0".repeat(64) + "/parts")
                .then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("detail", containsString("No document"));
        asSubmitter().contentType("text/plain").body("x").post("/api/v1/documents/not-an-id/parts")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
    }

    @Test
    void hostileArchivesAreRefused() throws IOException {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(nested)) {
            zip.putNextEntry(new ZipEntry("inner.zip"));
            ByteArrayOutputStream inner = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(inner)) {
                z.putNextEntry(new ZipEntry("a.txt"));
                z.write("2024年部门预算".getBytes());
            }
            zip.write(inner.toByteArray());
        }
        asSubmitter().contentType("application/zip").body(nested.toByteArray()).post("/api/v1/documents")
                .then().statusCode(400).body("detail", containsString("another archive"));

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i < 21; i++) {
                zip.putNextEntry(new ZipEntry("part" + i + ".txt"));
                zip.write(("part " + i).getBytes());
            }
        }
        asSubmitter().contentType("application/zip").body(many.toByteArray()).post("/api/v1/documents")
                .then().statusCode(400).body("detail", containsString("more than 20 files"));

        // 12 MiB of zeros compress to a few KiB: refused while unpacking, past the 10 MiB limit.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            zip.write(new byte[12 * 1024 * 1024]);
        }
        assertThat(bomb.size()).isLessThan(100_000);
        asSubmitter().contentType("application/zip").body(bomb.toByteArray()).post("/api/v1/documents")
                .then().statusCode(413).contentType(containsString("application/problem+json"));
    }
}
