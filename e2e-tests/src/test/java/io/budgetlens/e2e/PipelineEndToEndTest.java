package io.budgetlens.e2e;

import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Topics;
import io.budgetlens.testsupport.CorpusFixtures;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.ServiceProcess;
import io.restassured.path.json.JsonPath;

/**
 * The whole system: ingest-service, validation-service and reporting-service as three JVMs from their packaged
 * jars, on a real KRaft broker and a real PostgreSQL. The five corpus documents go in through reporting's upload
 * endpoint (forwarded to ingest) and come out VALIDATED, with their metadata, summary and findings, through the
 * reporting API. Then reporting-service is restarted and every document re-parsed and re-validated: the store
 * still has one row per document and the same findings.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    /** Findings (ERROR/WARNING) per corpus document with ruleset 0.4.0, judged in validation-service/README.md. */
    static final Map<String, int[]> EXPECTED_FINDINGS = Map.of(
            "banan-2024-budget.md", new int[] {0, 1},
            "jiangjin-2024-final-accounts.txt", new int[] {2, 2},
            "qianjiang-2024-budget.txt", new int[] {0, 1},
            "rongchang-2025-unit-budget.txt", new int[] {0, 5},
            "wulong-2020-final-accounts.txt", new int[] {0, 4});

    static final Map<String, String> IDS = new LinkedHashMap<>();
    static final Map<String, Integer> FINDINGS_BEFORE = new LinkedHashMap<>();
    static String deletedDraft;
    static RunningSystem system;
    static ServiceProcess ingest;
    static ServiceProcess reporting;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
        ingest = system.ingest;
        reporting = system.reporting;
    }

    @Test
    @Order(1)
    void theFiveCorpusDocumentsReachValidatedWithTheirMetadataSummaryAndFindings() throws IOException {
        for (String file : CorpusFixtures.FILES) {
            byte[] content = Files.readAllBytes(Path.of("..", "samples", file));
            String documentId = asSubmitter().baseUri(reporting.url())
                    .contentType(file.endsWith(".md") ? "text/markdown; charset=UTF-8" : "text/plain; charset=UTF-8")
                    .queryParam("filename", file).queryParam("visibility", "public")
                    .body(content).post("/api/v1/uploads")
                    .then().statusCode(202).body("status", equalTo("RECEIVED"))
                    .extract().path("documentId");
            IDS.put(file, documentId);
        }
        for (String file : CorpusFixtures.FILES) {
            DisclosureParsed expected = CorpusFixtures.parsed(file);
            String documentId = IDS.get(file);
            assertThat(documentId).isEqualTo(expected.documentId());
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(reporting.url())
                    .get("/api/v1/disclosures/{id}", documentId).then().statusCode(200)
                    .body("status", equalTo("VALIDATED")));
            JsonPath d = given().baseUri(reporting.url()).get("/api/v1/disclosures/{id}", documentId)
                    .then().extract().jsonPath();
            assertThat(d.getString("meta.kind")).as(file).isEqualTo(expected.meta().kind().name());
            assertThat(d.getString("meta.scope")).as(file).isEqualTo(expected.meta().scope().name());
            assertThat(d.getInt("meta.fiscalYear")).as(file).isEqualTo(expected.meta().fiscalYear());
            assertThat(d.getString("meta.department")).as(file).isEqualTo(expected.meta().department());
            assertThat(d.getString("meta.district")).as(file).isEqualTo(expected.meta().district());
            assertThat(d.getString("filename")).isEqualTo(file);
            assertThat(d.getMap("summary")).as(file).containsOnlyKeys(expected.summary().keySet().toArray(String[]::new));
            for (var entry : expected.summary().entrySet()) {
                assertThat(d.getString("summary.'" + entry.getKey() + "'.value")).as(file + " " + entry.getKey())
                        .isEqualTo(entry.getValue().value().toPlainString());
            }
            assertThat(d.getInt("findingCounts.ERROR")).as(file + " errors").isEqualTo(EXPECTED_FINDINGS.get(file)[0]);
            assertThat(d.getInt("findingCounts.WARNING")).as(file + " warnings")
                    .isEqualTo(EXPECTED_FINDINGS.get(file)[1]);
            assertThat(d.getString("rulesetVersion")).isNotBlank();
            assertThat(d.getString("completeness")).isNotBlank();
            FINDINGS_BEFORE.put(documentId, d.getList("findings").size());
        }
        // the packaged services run the production profile: no Swagger UI, the OpenAPI document stays
        for (ServiceProcess service : List.of(ingest, reporting)) {
            given().baseUri(service.url()).get("/q/swagger-ui/").then().statusCode(404);
            given().baseUri(service.url()).get("/q/openapi").then().statusCode(200);
        }
        given().baseUri(reporting.url()).queryParam("severity", "error").get("/api/v1/findings").then()
                .statusCode(200).body("total", equalTo(2)).body("items.ruleId", hasItems("CHG-001"));
    }

    @Test
    @Order(2)
    void aDraftUploadIsCheckedButStaysOutOfTheLists() throws IOException {
        // next year's draft of the Qianjiang budget, as a finance officer would check it before publishing
        String draft = Files.readString(Path.of("..", "samples", "qianjiang-2024-budget.txt"))
                .replace("2024年", "2025年").replace("2023年", "2024年");
        byte[] bytes = draft.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String documentId = asSubmitter("officer-qianjiang").baseUri(reporting.url())
                .contentType("text/plain; charset=UTF-8").body(bytes).post("/api/v1/uploads")
                .then().statusCode(202).extract().path("documentId");
        assertThat(documentId).as("a draft's id is its own, never the public id of its bytes")
                .isNotEqualTo(DocumentIds.of(bytes));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> asSubmitter("officer-qianjiang")
                .baseUri(reporting.url()).get("/api/v1/disclosures/{id}", documentId).then().statusCode(200)
                .body("visibility", equalTo("DRAFT")).body("status", equalTo("VALIDATED")));
        given().baseUri(reporting.url()).get("/api/v1/disclosures/{id}", documentId).then().statusCode(401);
        asSubmitter("someone-else").baseUri(reporting.url()).get("/api/v1/disclosures/{id}", documentId).then()
                .statusCode(404);
        given().baseUri(reporting.url()).queryParam("size", 500).get("/api/v1/disclosures").then()
                .body("items.documentId", not(hasItems(documentId)));
        asSubmitter("officer-qianjiang").baseUri(reporting.url()).delete("/api/v1/disclosures/{id}", documentId)
                .then().statusCode(204);
        deletedDraft = documentId;
        // ingest wrote the draft's tombstone on the received topic; the parser stage and validation-service follow
        for (String topic : List.of(Topics.RECEIVED, Topics.PARSED, Topics.VALIDATED)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.readAll(topic, Duration.ofMillis(500))
                    .stream().anyMatch(r -> documentId.equals(r.key()) && r.value() == null));
        }

    }

    @Test
    @Order(3)
    void afterARestartAndAFullReparseEveryDocumentIsStoredOnceWithTheSameFindings() {
        system.restartReporting();
        reporting = system.reporting;
        given().baseUri(ingest.url()).post("/api/v1/admin/reparse").then().statusCode(401);
        asSubmitter().baseUri(ingest.url()).post("/api/v1/admin/reparse").then().statusCode(403);
        asAdmin().baseUri(ingest.url()).post("/api/v1/admin/reparse").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> asAdmin().baseUri(ingest.url())
                .get("/api/v1/admin/reparse").then().statusCode(200).body("state", equalTo("DONE")));
        await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ofSeconds(3)).untilAsserted(() -> {
            JsonPath list = given().baseUri(reporting.url()).queryParam("size", 500).get("/api/v1/disclosures")
                    .then().statusCode(200).extract().jsonPath();
            List<String> ids = list.getList("items.documentId");
            assertThat(ids).containsAll(IDS.values()).doesNotHaveDuplicates();
            for (var e : FINDINGS_BEFORE.entrySet()) {
                given().baseUri(reporting.url()).queryParam("documentId", e.getKey()).get("/api/v1/findings")
                        .then().body("total", equalTo(e.getValue()));
            }
        });
        // the re-parse skipped the deleted draft (tombstoned on the received topic): it stays deleted
        asAdmin().baseUri(reporting.url()).get("/api/v1/disclosures/{id}", deletedDraft).then().statusCode(404);
    }
}
