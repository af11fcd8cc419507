package io.budgetlens.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Uploads through the REST client to a stand-in ingest-service: the document, its Content-Type, visibility and
 * filename arrive as sent, and ingest's answer (202 JSON, or a 415 problem+json) comes back to the uploader as it is.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = UploadForwardingTest.FakeIngest.class, restrictToAnnotatedClass = true)
class UploadForwardingTest {

    /** What the stand-in ingest received: method, path and query, Content-Type, body. */
    record Received(String pathAndQuery, String contentType, String body) {
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
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
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

    @BeforeEach
    void clear() {
        RECEIVED.clear();
    }

    @Test
    void theDocumentGoesToIngestAsADraftWithItsTypeAndName() {
        given().contentType("text/markdown; charset=UTF-8").body("# 某局2025年部门预算".getBytes(StandardCharsets.UTF_8))
                .queryParam("filename", "预算.md").post("/api/v1/uploads")
                .then().statusCode(202).contentType("application/json")
                .body("documentId", equalTo("a".repeat(64))).body("duplicate", equalTo(false));
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).startsWith("POST /api/v1/documents?").contains("visibility=draft")
                    .contains("filename=%E9%A2%84%E7%AE%97.md");
            assertThat(r.contentType()).isEqualTo("text/markdown; charset=UTF-8");
            assertThat(r.body()).isEqualTo("# 某局2025年部门预算");
        });
    }

    @Test
    void ingestsRefusalIsRelayedAsItIs() {
        given().contentType("application/octet-stream").body(new byte[] {1, 2, 3}).queryParam("filename", "x.bin")
                .queryParam("visibility", "public").post("/api/v1/uploads")
                .then().statusCode(415).contentType("application/problem+json").body("detail", equalTo("not a document"));
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).contains("visibility=public");
            assertThat(r.contentType()).startsWith("application/octet-stream");
        });
    }

    @Test
    void severalFilesOfOneDisclosureGoToIngestAsOneMultipartUpload() {
        given().multiPart("file", "narrative.txt", "2025年部门预算情况说明".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "tables.pdf", "%PDF-1.7 tables".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/api/v1/uploads")
                .then().statusCode(202).body("documentId", equalTo("a".repeat(64)));
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).startsWith("POST /api/v1/documents?").contains("visibility=draft");
            assertThat(r.contentType()).startsWith("multipart/form-data");
            assertThat(r.body()).contains("filename=\"tables.pdf\"").contains("filename=\"narrative.txt\"").contains("%PDF-1.7 tables")
                    .contains("2025年部门预算情况说明").containsIgnoringCase("Content-Type: application/pdf");
        });
    }
}
