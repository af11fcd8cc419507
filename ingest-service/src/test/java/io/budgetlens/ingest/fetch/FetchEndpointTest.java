package io.budgetlens.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParsedPart;
import io.budgetlens.events.ReceivedPart;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.fetch.PortalServer.Answer;
import io.budgetlens.ingest.pdf.TestPdfs;
import io.budgetlens.testsupport.AsCaller;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.SharedPdfs;
import io.budgetlens.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * {@code POST /api/v1/documents:fetch} in the running service on the real broker. The SSRF suite: every refused
 * target answers 400 problem+json saying why, and the connector is never asked for anything. The fetching tests use
 * a portal the test runs on loopback, reached as {@code portal.test} — allowed by this test's own allow-list —
 * whose page and attachments become one multi-part document with each part's source URL. No other address is ever
 * connected to.
 */
@QuarkusTest
@TestProfile(FetchTestProfile.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class FetchEndpointTest extends PortalTest {

    static final String PATH = "/api/v1/documents:fetch";

    static ValidatableResponse fetch(String url, String visibility) {
        Map<String, String> body = visibility == null ? Map.of("url", url) : Map.of("url", url, "visibility",
                visibility);
        return request().contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    /** A submitter's request; the colon stays a colon: RestAssured would send it as %3A, which is another path. */
    static io.restassured.specification.RequestSpecification request() {
        return AsCaller.asSubmitter().urlEncodingEnabled(false);
    }

    static Stream<RefusalCases.Case> refusals() {
        return RefusalCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedTargetIsA400ProblemAndNothingIsSent(RefusalCases.Case c) {
        fetch(c.url(), null).statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString(c.reason()));
        assertThat(RecordingConnector.CALLS).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsA400ProblemThatSaysSo() {
        for (String body : List.of("{\"url\": 5", "url=http://portal.test/", "[1, 2]", "{\"url\": [1]}")) {
            RecordingConnector.CALLS.clear();
            request().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("detail", containsString("The request body"));
            assertThat(RecordingConnector.CALLS).as("nothing fetched for %s", body).isEmpty();
        }
    }

    @Test
    void redirectsToForbiddenTargetsAreRefusedAfterTheFirstHop() {
        for (String location : List.of("http://127.0.0.1:" + portal.port() + "/admin", "http://[::1]:"
                + portal.port() + "/", "http://metadata.test/latest/meta-data/", "http://loopback.test:"
                + portal.port() + "/", "http://10.0.0.1/", "file:///etc/passwd")) {
            RecordingConnector.CALLS.clear();
            portal.answer("/go", Answer.redirect(302, location));
            fetch(portal.url("portal.test", "/go"), null).statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("detail", containsString("redirects to " + location))
                    .body("detail", containsString("Refused"));
            assertThat(RecordingConnector.CALLS).as(location).hasSize(1);
        }
        assertThat(portal.requests()).extracting(PortalServer.Request::path).containsOnly("/go");
    }

    @Test
    void aPortalPageWithTwoPdfAttachmentsIsOneDocumentWithAllTwelveTables() {
        assumeTrue(SharedPdfs.folder() != null, SharedPdfs.missingMessage());
        byte[] narrative = SharedPdfs.bytes("jiangsu-2019-dept-budget-shengweibangongting-narrative");
        byte[] tables = SharedPdfs.bytes("jiangsu-2019-dept-budget-shengweibangongting-tables");
        byte[] page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>中共江苏省委办公厅2019年部门预算公开</title></head>
                <body><div class="nav"><a href="/">首页</a></div><div class="article">
                <h1>中共江苏省委办公厅2019年部门预算公开</h1>
                <p>附件：</p>
                <p><a href="/uploadfiles/2019/ysgk/sm.pdf">1. 中共江苏省委办公厅2019年部门预算情况说明.pdf</a></p>
                <p><a href="/module/download/downfile.jsp?classid=0&filename=bg.pdf">2. 2019年部门预算公开表.pdf</a></p>
                </div></body></html>""".getBytes(StandardCharsets.UTF_8);
        portal.answer("/art/2019/2/1/art_60_8201.html", Answer.of("text/html; charset=utf-8", page))
                .answer("/uploadfiles/2019/ysgk/sm.pdf", Answer.of("application/pdf", narrative))
                .answer("/module/download/downfile.jsp", Answer.of("application/x-download", tables)
                        .withHeader("Content-Disposition", "attachment; filename=\"bg.pdf\""));
        String pageUrl = portal.url("portal.test", "/art/2019/2/1/art_60_8201.html");
        String id = DocumentIds.ofParts(List.of(DocumentIds.of(page), DocumentIds.of(narrative),
                DocumentIds.of(tables)));

        fetch(pageUrl, null).statusCode(202)
                .header("Location", containsString("/api/v1/disclosures/" + id))
                .body("documentId", equalTo(id))
                .body("status", equalTo("RECEIVED"))
                .body("fetched.url", equalTo(List.of(pageUrl,
                        portal.url("portal.test", "/uploadfiles/2019/ysgk/sm.pdf"),
                        portal.url("portal.test", "/module/download/downfile.jsp?classid=0&filename=bg.pdf"))))
                .body("parts.filename", equalTo(List.of("art_60_8201.html", "sm.pdf", "bg.pdf")));

        DisclosureReceived received = EventJson.read(awaitRecord(Topics.RECEIVED, id).value(),
                DisclosureReceived.class);
        assertThat(received.allParts()).hasSize(3);
        assertThat(received.allParts()).extracting(ReceivedPart::sha256, ReceivedPart::sourceUri).containsOnly(
                org.assertj.core.groups.Tuple.tuple(DocumentIds.of(page), pageUrl),
                org.assertj.core.groups.Tuple.tuple(DocumentIds.of(narrative),
                        portal.url("portal.test", "/uploadfiles/2019/ysgk/sm.pdf")),
                org.assertj.core.groups.Tuple.tuple(DocumentIds.of(tables),
                        portal.url("portal.test", "/module/download/downfile.jsp?classid=0&filename=bg.pdf")));

        DisclosureParsed parsed = await().atMost(Duration.ofSeconds(90)).until(() -> records(Topics.PARSED, id)
                .stream().map(r -> EventJson.read(r.value(), DisclosureParsed.class)).findFirst().orElse(null),
                p -> p != null);
        assertThat(parsed.tables()).hasSize(12);
        assertThat(parsed.parts()).hasSize(3);
        assertThat(parsed.parts()).filteredOn(p -> ParsedPart.TABLES.equals(p.role()))
                .extracting(ParsedPart::filename).containsExactly("bg.pdf");

        // The same page and files again: the same document.
        fetch(pageUrl, null).statusCode(200).body("documentId", equalTo(id)).body("duplicate", equalTo(true));
    }

    @Test
    void aPageWithAPdfAndAZipIsOneDraftDocumentAndUnreadableAttachmentsAreSkipped() throws IOException {
        String html = resource("/html/portal-budget.html").replace("</body>", """
                <div class="article"><p>附件：<a href="files/tables.pdf">预算公开表.pdf</a>
                <a href="files/more.zip">其他材料.zip</a> <a href="files/broken.doc">说明.doc</a></p></div></body>""");
        byte[] page = html.getBytes(StandardCharsets.UTF_8);
        byte[] pdf = TestPdfs.plain("Department budget tables 2024 " + System.nanoTime());
        byte[] text = Files.readAllBytes(Path.of("..", "samples", "qianjiang-2024-budget.txt"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("材料/qianjiang-2024-budget.txt"));
            out.write(text);
        }
        byte[] binary = new byte[2048];
        new java.util.Random(7).nextBytes(binary);
        portal.answer("/zwgk/yjsgk/index.html", Answer.of("text/html; charset=UTF-8", page))
                .answer("/zwgk/yjsgk/files/tables.pdf", Answer.of("application/pdf", pdf))
                .answer("/zwgk/yjsgk/files/more.zip", Answer.of("application/zip", zip.toByteArray()))
                .answer("/zwgk/yjsgk/files/broken.doc", Answer.of("application/msword", binary));
        String pageUrl = portal.url("portal.test", "/zwgk/yjsgk/index.html");
        String zipUrl = portal.url("portal.test", "/zwgk/yjsgk/files/more.zip");

        String id = fetch(pageUrl, "draft").statusCode(202)
                .body("parts.sourceUri", equalTo(List.of(pageUrl, portal.url("portal.test",
                        "/zwgk/yjsgk/files/tables.pdf"), zipUrl)))
                .body("parts.filename", equalTo(List.of("index.html", "tables.pdf", "qianjiang-2024-budget.txt")))
                // The page's own link to its tables (/files/2024yusuan.xls) is gone from this portal; the .doc is
                // not a document the intake can read.
                .body("skipped.url", equalTo(List.of(portal.url("portal.test", "/files/2024yusuan.xls"),
                        portal.url("portal.test", "/zwgk/yjsgk/files/broken.doc"))))
                .body("skipped[0].reason", equalTo("the portal answered 404"))
                .body("skipped[1].reason", containsString("broken.doc: "))
                .extract().path("documentId");

        DisclosureReceived received = EventJson.read(awaitRecord(Topics.RECEIVED, id).value(),
                DisclosureReceived.class);
        assertThat(received.visibility()).isEqualTo(Visibility.DRAFT);
        // A fetched draft is the caller's, with a draft id of its own (not the parts' public id).
        assertThat(received.owner()).isEqualTo(TestTokens.SUBMITTER);
        assertThat(id).isNotEqualTo(DocumentIds.ofParts(received.allParts().stream().map(ReceivedPart::sha256)
                .toList()));
        assertThat(received.allParts()).extracting(ReceivedPart::filename, ReceivedPart::sourceUri).containsOnly(
                org.assertj.core.groups.Tuple.tuple("index.html", pageUrl),
                org.assertj.core.groups.Tuple.tuple("tables.pdf", portal.url("portal.test",
                        "/zwgk/yjsgk/files/tables.pdf")),
                org.assertj.core.groups.Tuple.tuple("qianjiang-2024-budget.txt", zipUrl));
        assertThat(received.allParts()).filteredOn(p -> p.filename().endsWith(".txt"))
                .extracting(ReceivedPart::content).containsExactly(text);
    }

    @Test
    void aDirectFileUrlIsAOnePartDocument() {
        byte[] pdf = TestPdfs.plain("One file disclosure " + System.nanoTime());
        portal.answer("/files/2024.pdf", Answer.of("application/pdf", pdf));
        String url = portal.url("portal.test", "/files/2024.pdf");
        fetch(url, null).statusCode(202).body("documentId", equalTo(DocumentIds.of(pdf)))
                .body("parts.sourceUri", equalTo(List.of(url)));
        DisclosureReceived received = EventJson.read(awaitRecord(Topics.RECEIVED, DocumentIds.of(pdf)).value(),
                DisclosureReceived.class);
        assertThat(received.parts()).isNull();
        assertThat(received.sourceUri()).isEqualTo(url);
        assertThat(received.filename()).isEqualTo("2024.pdf");
    }

    @Test
    void badRequestsAndPortalFailuresAreProblems() {
        portal.answer("/logo.png", Answer.of("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}))
                .answer("/huge.pdf", Answer.of("application/pdf", new byte[11 * 1024 * 1024]))
                .answer("/gone", Answer.status(404))
                .answer("/p.html", Answer.html("<p>2024年部门预算</p>"));
        problem(request().contentType(ContentType.JSON).body("{\"url\": ").post(PATH).then(),
                400);
        problem(request().contentType(ContentType.JSON).post(PATH).then(), 400);
        problem(request().contentType(ContentType.JSON).body("{}").post(PATH).then(), 400)
                .body("detail", containsString("url is required"));
        problem(request().contentType(ContentType.TEXT).body(portal.url("portal.test", "/p.html"))
                .post(PATH).then(), 415);
        problem(request().header("Content-Type", "not a media type").body("{}".getBytes()).post(PATH).then(), 415);
        problem(fetch(portal.url("portal.test", "/p.html"), "secret"), 400)
                .body("detail", containsString("visibility"));
        assertThat(RecordingConnector.CALLS).isEmpty();
        problem(fetch(portal.url("portal.test", "/logo.png"), null), 415).body("detail", containsString("image/png"));
        problem(fetch(portal.url("portal.test", "/huge.pdf"), null), 413).body("detail", containsString("limit"));
        problem(fetch(portal.url("portal.test", "/gone"), null), 422).body("detail", containsString("answered 404"));
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("status", equalTo(status));
    }

    static List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        return KafkaTestClient.readAll(topic, Duration.ofMillis(500)).stream().filter(r -> key.equals(r.key()))
                .toList();
    }

    static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> records(topic, key).stream().findFirst()
                .orElse(null), r -> r != null);
    }

    static String resource(String name) {
        try (InputStream in = FetchEndpointTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
