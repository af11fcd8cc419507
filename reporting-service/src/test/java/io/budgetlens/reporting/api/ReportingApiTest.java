package io.budgetlens.reporting.api;

import static io.budgetlens.reporting.Seed.BANAN;
import static io.budgetlens.reporting.Seed.JIANGJIN;
import static io.budgetlens.reporting.Seed.QIANJIANG;
import static io.budgetlens.reporting.Seed.RONGCHANG;
import static io.budgetlens.reporting.Seed.WULONG;
import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.budgetlens.testsupport.AsCaller.asReader;
import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.Seed;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.ParsedBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The query API on the real PostgreSQL, fed through the real broker: the five corpus disclosures as parsed, with
 * validation reports, a re-publication of one of them and a draft. Every endpoint, its filters, paging, sorting,
 * CSV, drafts and bad parameters.
 */
@QuarkusTest
class ReportingApiTest {

    /** The Qianjiang budget published again later (another format of the same disclosure). */
    static final DisclosureParsed QIANJIANG_AGAIN = Seed.withMeta(
            Seed.withId(QIANJIANG, Seed.id("qianjiang republished"), Visibility.PUBLIC),
            Seed.meta(QIANJIANG.meta(), QIANJIANG.meta().department(), null, "重庆市", "黔江区", null,
                    LocalDate.of(2024, 3, 1)));
    static final String OWNER = "officer-wulong";
    static final DisclosureParsed DRAFT = ParsedBuilder.from(Seed.withId(WULONG, Seed.id("wulong draft"),
            Visibility.DRAFT)).owner(OWNER).build();

    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        for (DisclosureParsed p : List.of(BANAN, JIANGJIN, QIANJIANG, RONGCHANG, WULONG, QIANJIANG_AGAIN, DRAFT)) {
            Seed.send(p);
        }
        Seed.send(Seed.report(JIANGJIN, new BigDecimal("0.6000"),
                Seed.finding(JIANGJIN, "CHG-001", Severity.ERROR, Category.CHANGE, "卫生健康支出变动率不符",
                        "health change rate does not match"),
                Seed.finding(JIANGJIN, "CHG-001", Severity.ERROR, Category.CHANGE, "“三公”经费变动率不符",
                        "three-public change rate does not match"),
                Seed.finding(JIANGJIN, "COMP-001", Severity.WARNING, Category.COMPLETENESS, "缺少表格",
                        "tables missing")));
        Seed.send(Seed.report(RONGCHANG, new BigDecimal("1.0000"),
                Seed.finding(RONGCHANG, "DUP-001", Severity.WARNING, Category.DUPLICATE, "重复行", "duplicate row"),
                Seed.finding(RONGCHANG, "DUP-001", Severity.WARNING, Category.DUPLICATE, "重复行", "duplicate row")));
        Seed.send(Seed.report(BANAN, new BigDecimal("0.9000"),
                Seed.finding(BANAN, "COMP-001", Severity.WARNING, Category.COMPLETENESS, "缺少部门收入总表",
                        "部门收入总表 missing")));
        Seed.send(Seed.report(QIANJIANG, new BigDecimal("0.5000")));
        Seed.send(Seed.report(QIANJIANG_AGAIN, new BigDecimal("0.5000")));
        Seed.send(Seed.report(WULONG, new BigDecimal("0.8000"),
                Seed.finding(WULONG, "PERF-001", Severity.WARNING, Category.PERFORMANCE, "得分高于分值",
                        "score above weight")));
        Seed.send(Seed.report(DRAFT, new BigDecimal("0.8000")));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (DisclosureParsed p : List.of(BANAN, JIANGJIN, QIANJIANG, RONGCHANG, WULONG, QIANJIANG_AGAIN, DRAFT)) {
                asAdmin().get("/api/v1/disclosures/{id}", p.documentId()).then().statusCode(200)
                        .body("status", equalTo("VALIDATED"));
            }
        });
        seeded = true;
    }

    @Test
    void listFiltersByRegionYearKindScopeAndErrors() {
        given().queryParam("region", "江津区").get("/api/v1/disclosures").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].documentId", equalTo(JIANGJIN.documentId()))
                .body("items[0].kind", equalTo("FINAL_ACCOUNT"))
                .body("items[0].errors", equalTo(2))
                .body("items[0].departmentKey", equalTo("code:江津区:105"));
        List<String> budgets2024 = given().queryParam("year", 2024).queryParam("kind", "budget")
                .queryParam("region", "黔江区").get("/api/v1/disclosures")
                .then().statusCode(200).extract().path("items.documentId");
        assertThat(budgets2024).containsExactlyInAnyOrder(QIANJIANG.documentId(), QIANJIANG_AGAIN.documentId());
        given().queryParam("scope", "unit").get("/api/v1/disclosures").then().statusCode(200)
                .body("items.documentId", hasItems(RONGCHANG.documentId()))
                .body("items.scope", everyItem(equalTo("UNIT")));
        given().queryParam("hasErrors", "true").get("/api/v1/disclosures").then().statusCode(200)
                .body("items.documentId", hasItems(JIANGJIN.documentId()))
                .body("items.documentId", not(hasItems(BANAN.documentId())));
        given().queryParam("status", "validated").queryParam("region", "武隆区").get("/api/v1/disclosures")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void departmentFilterTakesTheNameWithOrWithoutTheProvinceAndTheKey() {
        for (String department : List.of("江津区政务服务管理办公室", "重庆市江津区政务服务管理办公室", "code:江津区:105")) {
            given().queryParam("department", department).get("/api/v1/disclosures").then().statusCode(200)
                    .body("items.documentId", equalTo(List.of(JIANGJIN.documentId())));
        }
    }

    @Test
    void republicationsAreAllListedAndTheNewestIsLatest() {
        JsonPath list = given().queryParam("region", "黔江区").get("/api/v1/disclosures").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Boolean> latest = new java.util.HashMap<>();
        for (int i = 0; i < list.getList("items").size(); i++) {
            latest.put(list.getString("items[" + i + "].documentId"), list.getBoolean("items[" + i + "].latest"));
        }
        assertThat(latest).containsEntry(QIANJIANG_AGAIN.documentId(), true)
                .containsEntry(QIANJIANG.documentId(), false);
        given().queryParam("region", "黔江区").queryParam("latest", "true").get("/api/v1/disclosures")
                .then().body("total", equalTo(1));
    }

    @Test
    void listSortsAndPages() {
        given().queryParam("sort", "-errors,fiscalYear").queryParam("size", 1).get("/api/v1/disclosures")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].documentId", equalTo(JIANGJIN.documentId()))
                .body("size", equalTo(1));
        List<String> page0 = given().queryParam("sort", "fiscalYear").queryParam("size", 2).queryParam("page", 0)
                .get("/api/v1/disclosures").then().extract().path("items.documentId");
        List<String> page1 = given().queryParam("sort", "fiscalYear").queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/disclosures").then().extract().path("items.documentId");
        assertThat(page0).hasSize(2).doesNotContainAnyElementsOf(page1);
        List<Integer> years = given().queryParam("sort", "-fiscalYear").queryParam("region", "武隆区,江津区")
                .get("/api/v1/disclosures").then().extract().path("items.fiscalYear");
        assertThat(years).isEmpty(); // region is one value, not a list: no district is called "武隆区,江津区"
        List<Integer> sorted = given().queryParam("sort", "-fiscalYear").queryParam("size", 500)
                .get("/api/v1/disclosures").then().extract().path("items.fiscalYear");
        assertThat(sorted.stream().filter(java.util.Objects::nonNull).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void listAsCsvHasAByteOrderMarkAndTheChineseText() {
        byte[] body = given().accept("text/csv").queryParam("region", "江津区").get("/api/v1/disclosures")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String csv = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("documentId,status,kind,scope,fiscalYear,region,department");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(JIANGJIN.documentId(), "江津区政务服务管理办公室", "FINAL_ACCOUNT", "3027.5");
    }

    @Test
    void detailHasMetaSummaryFactsTablesFindingsAndVersions() {
        JsonPath d = given().get("/api/v1/disclosures/{id}", JIANGJIN.documentId()).then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
        assertThat(d.getString("status")).isEqualTo("VALIDATED");
        assertThat(d.getString("meta.kind")).isEqualTo("FINAL_ACCOUNT");
        assertThat(d.getInt("meta.fiscalYear")).isEqualTo(2024);
        assertThat(d.getString("meta.department")).isEqualTo("江津区政务服务管理办公室");
        assertThat(d.getString("meta.publicationDate")).isEqualTo("2025-08-21");
        assertThat(d.getString("summary.'expenditure.total'.value")).isEqualTo("3027.5");
        assertThat(d.getString("summary.'three_public.total'.value")).isEqualTo("2.82");
        assertThat(d.getList("facts")).hasSize(JIANGJIN.facts().size());
        assertThat(d.getList("tables")).hasSize(JIANGJIN.tables().size());
        assertThat(d.getString("text")).isEqualTo(JIANGJIN.text());
        assertThat(d.getList("findings")).hasSize(3);
        assertThat(d.getString("findings[0].ruleId")).isEqualTo("CHG-001");
        assertThat(d.getString("findings[0].severity")).isEqualTo("ERROR");
        assertThat(d.getString("findings[0].messageZh")).isEqualTo("卫生健康支出变动率不符");
        assertThat(d.getString("findings[0].expected.low")).isEqualTo("1.00");
        assertThat(d.getString("findings[0].actual")).isEqualTo("2.00");
        assertThat(d.getString("findings[0].evidence[0].quote")).isEqualTo(JIANGJIN.facts().get(0).evidence().quote());
        assertThat(d.getInt("findingCounts.ERROR")).isEqualTo(2);
        assertThat(d.getInt("verdictCounts.BROKEN")).isEqualTo(3);
        assertThat(d.getInt("verdictCounts.HOLDS")).isEqualTo(1);
        assertThat(d.getString("completeness")).isEqualTo("0.6000");
        assertThat(d.getString("parserVersion")).isEqualTo(JIANGJIN.parserVersion());
        assertThat(d.getString("rulesetVersion")).isEqualTo("0.2.0");
        assertThat(d.getString("identity.departmentKey")).isEqualTo("code:江津区:105");
        assertThat(d.getBoolean("identity.latest")).isTrue();
    }

    @Test
    void findingsAcrossDocumentsFilterAndExport() {
        given().queryParam("severity", "error").get("/api/v1/findings").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.ruleId", everyItem(equalTo("CHG-001")))
                .body("items[0].documentId", equalTo(JIANGJIN.documentId()))
                .body("items[0].disclosure.region", equalTo("江津区"));
        given().queryParam("ruleId", "dup-001").get("/api/v1/findings").then().statusCode(200)
                .body("total", equalTo(2)).body("items.category", everyItem(equalTo("DUPLICATE")));
        given().queryParam("category", "completeness").queryParam("kind", "budget").queryParam("year", 2024)
                .get("/api/v1/findings").then().statusCode(200)
                .body("items.documentId", equalTo(List.of(BANAN.documentId())));
        given().queryParam("severity", "warning,error").queryParam("region", "江津区").get("/api/v1/findings")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items[0].severity", equalTo("ERROR")).body("items[2].severity", equalTo("WARNING"));
        byte[] csv = given().accept("text/csv").queryParam("region", "江津区").get("/api/v1/findings")
                .then().statusCode(200).extract().asByteArray();
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(4);
        assertThat(text).contains("卫生健康支出变动率不符", JIANGJIN.facts().get(0).evidence().quote().substring(0, 10));
    }

    @Test
    void summariesNeverMixKindsOrScopesAndCountEachIdentityOnce() {
        JsonPath s = given().queryParam("groupBy", "region").queryParam("kind", "budget").queryParam("year", 2024)
                .get("/api/v1/summaries").then().statusCode(200).extract().jsonPath();
        assertThat(s.getList("groupBy")).containsExactly("region", "kind", "scope");
        Map<String, Object> qianjiang = row(s, "region", "黔江区");
        assertThat(qianjiang).containsEntry("documents", 1).containsEntry("kind", "BUDGET")
                .containsEntry("scope", "DEPARTMENT").containsEntry("threePublicTotal", "6.16")
                .containsEntry("threePublicReception", "3.50");
        assertThat(row(s, "region", "巴南区")).containsEntry("expenditureTotal", "1137.10")
                .containsEntry("warnings", 1);

        JsonPath byKind = given().queryParam("groupBy", "kind").get("/api/v1/summaries").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = byKind.getList("items");
        assertThat(items).extracting(m -> m.get("kind") + "/" + m.get("scope"))
                .contains("BUDGET/DEPARTMENT", "BUDGET/UNIT", "FINAL_ACCOUNT/DEPARTMENT").doesNotHaveDuplicates();

        // which districts spent most on receptions in final accounts: one request
        List<String> regions = given().queryParam("groupBy", "region").queryParam("kind", "final_account")
                .queryParam("sort", "-threePublicReception").get("/api/v1/summaries").then().statusCode(200)
                .extract().path("items.region");
        assertThat(regions).containsSubsequence("武隆区", "江津区"); // 7.39 before 0.75

        // one office across the years
        given().queryParam("groupBy", "year").queryParam("department", "code:江津区:105").get("/api/v1/summaries")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].fiscalYear", equalTo(2024))
                .body("items[0].threePublicTotal", equalTo("2.82")).body("items[0].errors", equalTo(2));

        byte[] csv = given().accept("text/csv").queryParam("groupBy", "region").get("/api/v1/summaries")
                .then().statusCode(200).extract().asByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFregion,kind,scope,documents,")
                .contains("黔江区");
    }

    @Test
    void timelineShowsOneDepartmentAcrossYears() {
        given().get("/api/v1/departments/{key}/timeline", "code:江津区:105").then().statusCode(200)
                .body("names", equalTo(List.of("江津区政务服务管理办公室")))
                .body("disclosures", hasSize(1))
                .body("disclosures[0].kind", equalTo("FINAL_ACCOUNT"))
                .body("disclosures[0].threePublicTotal", equalTo("2.82"));
        given().get("/api/v1/departments/{key}/timeline", "name:黔江区重庆市黔江区行政服务中心").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/departments/{key}/timeline", "name:黔江区行政服务中心").then().statusCode(200)
                .body("disclosures", hasSize(2));
    }

    @Test
    void draftsAreSeenOnlyByTheirOwnerAndAdminsAndTombstonesDeleteThem() {
        given().queryParam("region", "武隆区").get("/api/v1/disclosures").then()
                .body("items.documentId", equalTo(List.of(WULONG.documentId())));
        given().queryParam("groupBy", "region").queryParam("region", "武隆区").get("/api/v1/summaries").then()
                .body("items[0].documents", equalTo(1));
        // anonymous: 401; someone else: nothing; the owner and admins: the draft
        given().queryParam("visibility", "draft").get("/api/v1/disclosures").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(401);
        given().queryParam("visibility", "draft").get("/api/v1/findings").then().statusCode(401);
        asSubmitter("someone-else").queryParam("visibility", "draft").get("/api/v1/disclosures").then()
                .statusCode(200).body("items.documentId", not(hasItems(DRAFT.documentId())));
        asSubmitter("someone-else").get("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(404);
        asSubmitter("someone-else").delete("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(404);
        asSubmitter(OWNER).queryParam("visibility", "draft").get("/api/v1/disclosures").then().statusCode(200)
                .body("items.documentId", hasItems(DRAFT.documentId()))
                .body("items.visibility", everyItem(equalTo("DRAFT")));
        asSubmitter(OWNER).get("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(200)
                .body("visibility", equalTo("DRAFT"));
        asAdmin().queryParam("visibility", "draft").get("/api/v1/disclosures").then().statusCode(200)
                .body("items.documentId", hasItems(DRAFT.documentId()));

        given().delete("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(401);
        asAdmin().delete("/api/v1/disclosures/{id}", WULONG.documentId()).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("Only drafts"));
        // ingest-service (which writes the tombstones) is unreachable here: nothing is deleted
        asSubmitter(OWNER).delete("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("nothing was deleted"));
        asSubmitter(OWNER).get("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(200);

        // the tombstones ingest-service and validation-service write delete the draft and its findings
        for (String topic : List.of(Topics.RECEIVED, Topics.PARSED, Topics.VALIDATED)) {
            KafkaTestClient.send(topic, DRAFT.documentId(), null, Map.of());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin()
                .get("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(404));
        asAdmin().queryParam("documentId", DRAFT.documentId()).get("/api/v1/findings").then()
                .body("total", equalTo(0));
        // a late event of the deleted draft does not bring it back, and tombstones are not dead-lettered
        Seed.send(Seed.report(DRAFT, new BigDecimal("0.8000")));
        Seed.send(DRAFT);
        DisclosureParsed marker = Seed.withId(BANAN, Seed.id("marker after draft"), Visibility.DRAFT);
        Seed.send(marker);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().get("/api/v1/disclosures/{id}", marker.documentId()).then().statusCode(200));
        asAdmin().get("/api/v1/disclosures/{id}", DRAFT.documentId()).then().statusCode(404);
        for (String dlq : List.of(Topics.RECEIVED_REPORTING_DLQ, Topics.PARSED_REPORTING_DLQ,
                Topics.VALIDATED_REPORTING_DLQ)) {
            assertThat(KafkaTestClient.readAll(dlq, Duration.ofMillis(500)))
                    .noneMatch(r -> DRAFT.documentId().equals(r.key()));
        }
    }

    @Test
    void aPrintedPublicationDateLaterThanTheReceiptNeverMakesADocumentTheLatest() {
        // two public versions of one identity: an honest one, and one claiming to be published next year
        // (received first, dated a year ahead), and the real new version received after it, dated today
        DisclosureMeta m = BANAN.meta();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        DisclosureParsed forged = ParsedBuilder.from(Seed.withMeta(Seed.withId(BANAN, Seed.id("latest forged"),
                Visibility.PUBLIC), Seed.meta(m, "重庆市巴南区发布日期测试局", null, "重庆市", "巴南区", 2031,
                today.plusYears(1)))).parsedAt(java.time.Instant.now()).build();
        DisclosureParsed honest = ParsedBuilder.from(Seed.withMeta(Seed.withId(BANAN, Seed.id("latest honest"),
                Visibility.PUBLIC), Seed.meta(m, "重庆市巴南区发布日期测试局", null, "重庆市", "巴南区", 2031, today)))
                .parsedAt(java.time.Instant.now().plusSeconds(1)).build();
        Seed.send(forged);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/disclosures/{id}", forged.documentId()).then().statusCode(200));
        Seed.send(honest);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/api/v1/disclosures/{id}", honest.documentId()).then().statusCode(200)
                    .body("identity.latest", equalTo(true));
            given().get("/api/v1/disclosures/{id}", forged.documentId()).then().statusCode(200)
                    .body("identity.latest", equalTo(false));
        });
    }

    @Test
    void badParametersAnswer400ProblemJsonNever500() {
        Map<String, Map<String, String>> cases = Map.ofEntries(
                Map.entry("/api/v1/disclosures?year=abc", Map.of("detail", "year")),
                Map.entry("/api/v1/disclosures?kind=forecast", Map.of("detail", "kind")),
                Map.entry("/api/v1/disclosures?sort=bogus", Map.of("detail", "sort")),
                Map.entry("/api/v1/disclosures?sort=-errors;drop table disclosure", Map.of("detail", "sort")),
                Map.entry("/api/v1/disclosures?page=-1", Map.of("detail", "page")),
                Map.entry("/api/v1/disclosures?page=abc", Map.of("detail", "page")),
                Map.entry("/api/v1/findings?size=ten", Map.of("detail", "size")),
                Map.entry("/api/v1/summaries?page=1.5", Map.of("detail", "page")),
                Map.entry("/api/v1/disclosures?size=100000", Map.of("detail", "size")),
                Map.entry("/api/v1/disclosures?hasErrors=maybe", Map.of("detail", "hasErrors")),
                Map.entry("/api/v1/disclosures?visibility=secret", Map.of("detail", "visibility")),
                Map.entry("/api/v1/disclosures?status=lost", Map.of("detail", "status")),
                Map.entry("/api/v1/findings?severity=fatal", Map.of("detail", "severity")),
                Map.entry("/api/v1/findings?ruleId=x'--", Map.of("detail", "ruleId")),
                Map.entry("/api/v1/findings?category=gossip", Map.of("detail", "category")),
                Map.entry("/api/v1/findings?documentId=abc", Map.of("detail", "documentId")),
                Map.entry("/api/v1/summaries?groupBy=colour", Map.of("detail", "groupBy")),
                Map.entry("/api/v1/summaries?sort=documentId", Map.of("detail", "sort")),
                Map.entry("/api/v1/summaries?year=99999", Map.of("detail", "year")),
                Map.entry("/api/v1/disclosures/not-an-id", Map.of("detail", "sha-256")));
        cases.forEach((url, expect) -> given().urlEncodingEnabled(true).get(url).then()
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(expect.get("detail"))));
        given().get("/api/v1/disclosures/{id}", "b".repeat(64)).then().statusCode(404)
                .contentType("application/problem+json");
        asSubmitter().delete("/api/v1/disclosures/{id}", "b".repeat(64)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void uploadsNeedASubmitterAndWhileIngestIsUnreachableAnswer503ProblemJson() {
        given().contentType("text/plain; charset=UTF-8").body("某局2025年部门预算".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/uploads").then().statusCode(401).contentType("application/problem+json");
        asReader().contentType("text/plain").body("x").post("/api/v1/uploads").then().statusCode(403)
                .contentType("application/problem+json");
        asSubmitter().contentType("text/plain; charset=UTF-8").body("某局2025年部门预算".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/uploads").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("ingest-service"));
        asSubmitter().queryParam("visibility", "hidden").contentType("text/plain").body("x")
                .post("/api/v1/uploads").then().statusCode(400).contentType("application/problem+json");
        asSubmitter().contentType("text/plain").body(new byte[11 * 1024 * 1024]).post("/api/v1/uploads").then()
                .statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("budgetlens.upload.max-bytes"));
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/disclosures'.get.parameters.name",
                        hasItems("region", "department", "year", "kind", "scope", "status", "hasErrors", "sort"))
                .body("paths.'/api/v1/disclosures/{documentId}'.delete", notNullValue())
                .body("paths.'/api/v1/findings'.get", notNullValue())
                .body("paths.'/api/v1/summaries'.get", notNullValue())
                .body("paths.'/api/v1/departments/{key}/timeline'.get", notNullValue())
                .body("paths.'/api/v1/uploads'.post", notNullValue());
    }

    private static Map<String, Object> row(JsonPath s, String field, String value) {
        List<Map<String, Object>> items = s.getList("items");
        return items.stream().filter(m -> value.equals(m.get(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + field + "=" + value + " in " + items));
    }
}
