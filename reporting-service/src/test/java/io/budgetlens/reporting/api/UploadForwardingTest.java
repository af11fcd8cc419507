package io.budgetlens.reporting.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.Seed;
import io.budgetlens.testsupport.AsCaller;
import io.budgetlens.testsupport.ParsedBuilder;
import io.budgetlens.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Uploads through the REST client to a stand-in ingest-service: the document, its Content-Type, visibility and
 * filename arrive as sent, and ingest's answer (202 JSON, or a 415 problem+json) comes back to the uploader as it is.
 */
@QuarkusTest
@QuarkusTestResource(value = UploadForwardingTest.FakeIngest.class, restrictToAnnotatedClass = true)
class UploadForwardingTest {

    /** What the stand-in ingest received: method, path and query, Content-Type, Authorization, body. */
    record Received(String pathAndQuery, String contentType, String authorization, String body) {
    }

    static final ConcurrentLinkedDeque<Received> RECEIVED = new ConcurrentLinkedDeque<>();

    /** A stand-in ingest-service on a free port: 202 for text, 415 problem+json for anything called .bin. */
    public static class FakeIngest implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/v1/documents", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                RECEIVED.add(new Received(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                        + "?" + query, exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                if ("DELETE".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                    return;
                }
                boolean refused = query != null && query.contains("filename=x.bin");
                byte[] answer = (refused
                        ? "{\"title\":\"Unsupported Media Type\",\"status\":415,\"detail\":\"not a document\"}"
                        : "{\"documentId\":\"" + "a".repeat(64) + "\",\"status\":\"RECEIVED\",\"duplicate\":false}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type",
                        refused ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(refused ? 415 : 202, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return Map.of("budgetlens.ingest.url", "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    static final String SUBMITTER_TOKEN = TestTokens.submitter();

    @BeforeEach
    void clear() {
        RECEIVED.clear();
    }

    static io.restassured.specification.RequestSpecification asSubmitter() {
        return AsCaller.with(SUBMITTER_TOKEN);
    }

    @Test
    void theOwnerDeletesADraftThroughIngestWhichWritesItsTombstonesThenItIsGoneHere() {
        DisclosureParsed draft = ParsedBuilder.from(Seed.withId(Seed.BANAN,
                Seed.id("forwarded draft delete"), Visibility.DRAFT)).owner("officer-d").build();
        Seed.send(draft);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> AsCaller.asSubmitter("officer-d")
                .get("/api/v1/disclosures/{id}", draft.documentId()).then().statusCode(200));
        AsCaller.asSubmitter("officer-e").delete("/api/v1/disclosures/{id}", draft.documentId()).then()
                .statusCode(404);
        assertThat(RECEIVED).as("someone else's delete never reaches ingest").isEmpty();

        String owner = TestTokens.submitter("officer-d");
        AsCaller.with(owner).delete("/api/v1/disclosures/{id}", draft.documentId()).then().statusCode(204);
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).startsWith("DELETE /api/v1/documents/" + draft.documentId());
            assertThat(r.authorization()).isEqualTo("Bearer " + owner);
        });
        AsCaller.asAdmin().get("/api/v1/disclosures/{id}", draft.documentId()).then().statusCode(404);
    }

    @Test
    void theDocumentGoesToIngestAsADraftWithItsTypeAndName() {
        given().contentType("text/markdown; charset=UTF-8").body("# x".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/uploads").then().statusCode(401);
        assertThat(RECEIVED).isEmpty();
        asSubmitter().contentType("text/markdown; charset=UTF-8").body("# 某局2025年部门预算".getBytes(StandardCharsets.UTF_8))
                .queryParam("filename", "预算.md").post("/api/v1/uploads")
                .then().statusCode(202).contentType("application/json")
                .body("documentId", equalTo("a".repeat(64))).body("duplicate", equalTo(false));
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).startsWith("POST /api/v1/documents?").contains("visibility=draft")
                    .contains("filename=%E9%A2%84%E7%AE%97.md");
            assertThat(r.contentType()).isEqualTo("text/markdown; charset=UTF-8");
            assertThat(r.authorization()).as("the uploader's own token goes along").isEqualTo("Bearer "
                    + SUBMITTER_TOKEN);
            assertThat(r.body()).isEqualTo("# 某局2025年部门预算");
        });
    }

    @Test
    void aPortalAddressGoesToIngestsFetchAsWrittenWithTheCallersToken() {
        String url = "https://czj.example.gov.cn/a:b/预算公开.html?id=7";
        given().contentType("application/json").body("{\"url\":\"" + url + "\"}").post("/api/v1/uploads/fetch")
                .then().statusCode(401).contentType("application/problem+json");
        asSubmitter().contentType("application/json").body("{}").post("/api/v1/uploads/fetch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("address"));
        assertThat(RECEIVED).isEmpty();
        asSubmitter().contentType("application/json").body("{\"url\":\"" + url + "\"}").post("/api/v1/uploads/fetch")
                .then().statusCode(202).body("documentId", equalTo("a".repeat(64)));
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).startsWith("POST /api/v1/documents:fetch");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.authorization()).isEqualTo("Bearer " + SUBMITTER_TOKEN);
            assertThat(r.body()).contains("\"url\":\"" + url + "\"").contains("\"visibility\":\"draft\"");
        });
    }

    @Test
    void ingestsRefusalIsRelayedAsItIs() {
        asSubmitter().contentType("application/octet-stream").body(new byte[] {1, 2, 3}).queryParam("filename", "x.bin")
                .queryParam("visibility", "public").post("/api/v1/uploads")
                .then().statusCode(415).contentType("application/problem+json").body("detail", equalTo("not a document"));
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).contains("visibility=public");
            assertThat(r.contentType()).startsWith("application/octet-stream");
        });
    }

    @Test
    void severalFilesOfOneDisclosureGoToIngestAsOneMultipartUpload() {
        given().multiPart("file", "narrative.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/uploads").then().statusCode(401).contentType("application/problem+json");
        AsCaller.asReader().multiPart("file", "narrative.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/uploads").then().statusCode(403).contentType("application/problem+json");
        assertThat(RECEIVED).isEmpty();
        asSubmitter().multiPart("file", "narrative.txt", "2025年部门预算情况说明".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "tables.pdf", "%PDF-1.7 tables".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/api/v1/uploads")
                .then().statusCode(202).body("documentId", equalTo("a".repeat(64)));
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).startsWith("POST /api/v1/documents?").contains("visibility=draft");
            assertThat(r.contentType()).startsWith("multipart/form-data");
            assertThat(r.authorization()).as("the uploader's own token goes along").isEqualTo("Bearer "
                    + SUBMITTER_TOKEN);
            assertThat(r.body()).contains("filename=\"tables.pdf\"").contains("filename=\"narrative.txt\"").contains("%PDF-1.7 tables")
                    .contains("2025年部门预算情况说明").containsIgnoringCase("Content-Type: application/pdf");
        });
    }
}
