package io.budgetlens.reporting.crossdoc;

import static io.budgetlens.reporting.Seed.BANAN;
import static io.budgetlens.reporting.Seed.JIANGJIN;
import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.Seed;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.RecordHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Cross-document checks through the real broker and database, in both arrival orders: the Banan 2024 budget says
 * its expenditure is 1,137.1 万元, 853.68 more than 2023 (so 2023 was 283.42 ± 0.055); a stored 2023 budget that
 * prints 290.00 is a finding. The Jiangjin 2024 final account's changes against the initial budget, against a
 * stored 2024 budget that names the department with its province prefix and without the budget-unit code.
 * Each test uses its own department, so the tests do not see each other's documents.
 */
@QuarkusTest
class CrossDocumentTest {

    @Inject
    DisclosureRepository repository;

    @Inject
    CrossDocumentService crossDocuments;

    /** The order in which the two budgets of a department arrive. */
    enum Arrival {
        LATER_BUDGET_FIRST("甲", "A"), PRIOR_YEAR_BUDGET_FIRST("乙", "B");

        final String department;
        final String seed;

        Arrival(String departmentMark, String seed) {
            this.department = "重庆市巴南区跨文档" + departmentMark + "办公室";
            this.seed = seed;
        }
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void aPriorYearBudgetThatDisagreesIsAFindingWhicheverArrivesFirst(Arrival arrival) {
        DisclosureParsed budget2024 = budget(arrival.department, 2024, "banan 2024 " + arrival.seed, null);
        DisclosureParsed budget2023 = priorBudget(arrival.department, "banan 2023 " + arrival.seed, "290.00", "0.50");
        boolean laterFirst = arrival == Arrival.LATER_BUDGET_FIRST;

        DisclosureParsed first = laterFirst ? budget2024 : budget2023;
        Seed.send(first);
        awaitStatus(first.documentId(), "PARSED");
        if (laterFirst) {
            given().get("/api/v1/disclosures/{id}", budget2024.documentId()).then()
                    .body("findings.findAll { it.category == 'CROSS_DOCUMENT' }", hasSize(0));
        }
        Seed.send(laterFirst ? budget2023 : budget2024);
        assertPriorYearFinding(budget2024, budget2023);
    }

    @Test
    void aConsistentPriorYearGivesNoFinding() {
        String department = "重庆市巴南区跨文档丙办公室";
        DisclosureParsed budget2023 = priorBudget(department, "banan 2023 C", "283.42", "0.5");
        DisclosureParsed budget2024 = budget(department, 2024, "banan 2024 C", null);
        Seed.send(budget2023);
        Seed.send(budget2024);
        awaitStatus(budget2024.documentId(), "PARSED");
        awaitStatus(budget2023.documentId(), "PARSED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().queryParam("documentId", budget2024.documentId()).queryParam("category", "cross_document")
                        .get("/api/v1/findings").then().statusCode(200).body("total", equalTo(0)));
    }

    @Test
    void finalAccountAgainstTheBudgetOfTheSameYearMatchedByNormalisedName() {
        String department = "江津区跨文档丁办公室";
        DisclosureParsed finalAccount = Seed.withMeta(
                Seed.withId(JIANGJIN, Seed.id("jiangjin final D"), Visibility.PUBLIC),
                Seed.meta(JIANGJIN.meta(), department, "905", "重庆市", "江津区", 2024, null));
        // 201: 2742.45 is 426.93 below the initial budget → 3169.38 (consistent); 208: 140.74 is 6.41 above → 134.33 ± 0.01
        Map<String, SummaryEntry> summary = Map.of(
                "expenditure.function.201", entry("3169.38", FundScope.GENERAL_PUBLIC_BUDGET),
                "expenditure.function.208", entry("130.00", FundScope.GENERAL_PUBLIC_BUDGET));
        DisclosureParsed budget = Seed.withSummary(Seed.withMeta(
                Seed.withId(BANAN, Seed.id("jiangjin budget D"), Visibility.PUBLIC),
                Seed.meta(BANAN.meta(), "重庆市" + department, null, "重庆市", "江津区", 2024, null)),
                summary, List.of());

        Seed.send(finalAccount);
        Seed.send(budget);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .queryParam("documentId", finalAccount.documentId()).queryParam("ruleId", "XDOC-002")
                .get("/api/v1/findings").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].severity", equalTo("WARNING"))
                .body("items[0].messageZh", containsString("社会保障"))
                .body("items[0].expected.low", equalTo("134.320"))
                .body("items[0].expected.high", equalTo("134.340"))
                .body("items[0].actual", equalTo("130.00"))
                .body("items[0].relatedDocumentId", equalTo(budget.documentId())));

        String key = given().get("/api/v1/disclosures/{id}", finalAccount.documentId()).then()
                .extract().path("identity.departmentKey");
        assertThat(key).isEqualTo("code:江津区:905");
        given().get("/api/v1/departments/{key}/timeline", key).then().statusCode(200)
                .body("disclosures.kind", equalTo(List.of("BUDGET", "FINAL_ACCOUNT")))
                .body("crossDocumentFindings", hasSize(1))
                .body("crossDocumentFindings[0].ruleId", equalTo("XDOC-002"));
    }

    @Test
    void aDraftIsCheckedAgainstPublicDocumentsButNeverServesAsTheOtherOne() {
        String department = "重庆市巴南区跨文档戊办公室";
        DisclosureParsed draft2023 = Seed.withId(priorBudget(department, "banan 2023 E", "290.00", "0.50"),
                Seed.id("banan 2023 E draft"), Visibility.DRAFT);
        DisclosureParsed public2024 = budget(department, 2024, "banan 2024 E", null);
        Seed.send(draft2023);
        Seed.send(public2024);
        awaitStatus(public2024.documentId(), "PARSED");
        awaitStatus(draft2023.documentId(), "PARSED");
        given().queryParam("documentId", public2024.documentId()).queryParam("category", "cross_document")
                .get("/api/v1/findings").then().body("total", equalTo(0));

        DisclosureParsed public2023 = priorBudget(department, "banan 2023 E public", "290.00", "0.50");
        DisclosureParsed draft2024 = Seed.withId(budget(department, 2024, "banan 2024 E draft", null),
                Seed.id("banan 2024 E draft"), Visibility.DRAFT);
        Seed.send(public2023);
        Seed.send(draft2024);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin()
                .queryParam("documentId", draft2024.documentId()).queryParam("visibility", "draft")
                .queryParam("ruleId", "XDOC-001").get("/api/v1/findings").then().body("total", equalTo(1)));
    }

    /**
     * Two transactions recompute the same document's cross-document findings at once: the 2023 budget stored again
     * (which recomputes the 2024 budget that depends on it) and the 2024 budget stored again. The second waits for
     * the first and then replaces its findings; it used not to wait, deleted nothing (the first's rows were not yet
     * committed), inserted the same finding key and failed on it, which dead-lettered a valid record.
     */
    @Test
    void concurrentRecomputationsOfOneDocumentWaitForEachOtherInsteadOfFailing() throws Exception {
        String department = "重庆市巴南区跨文档并发办公室";
        DisclosureParsed budget2024 = budget(department, 2024, "banan 2024 concurrent", null);
        DisclosureParsed budget2023 = priorBudget(department, "banan 2023 concurrent", "290.00", "0.50");
        Seed.send(budget2024);
        Seed.send(budget2023);
        assertPriorYearFinding(budget2024, budget2023);

        CountDownLatch firstHoldsItsRows = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                repository.recordParsed(budget2023);
                crossDocuments.recompute(budget2023.documentId()); // the 2024 budget is its dependant
                firstHoldsItsRows.countDown();
                awaitUninterruptibly(release);
            }));
            assertThat(firstHoldsItsRows.await(60, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                repository.recordParsed(budget2024);
                crossDocuments.recompute(budget2024.documentId());
            }));
            // the second is waiting on a lock the first holds (before the fix: on the first's uncommitted finding)
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    ((Number) repository.getEntityManager().createNativeQuery(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                            .getSingleResult()).intValue() > 0) || second.isDone());
            release.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS); // throws ExecutionException if the second failed
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertPriorYearFinding(budget2024, budget2023); // one finding, not two and not none
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertPriorYearFinding(DisclosureParsed budget2024, DisclosureParsed budget2023) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .queryParam("documentId", budget2024.documentId()).queryParam("category", "cross_document")
                .get("/api/v1/findings").then().statusCode(200).body("total", equalTo(1)));
        JsonPath d = given().get("/api/v1/disclosures/{id}", budget2024.documentId()).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> f = d.getMap("findings.find { it.category == 'CROSS_DOCUMENT' }");
        assertThat(f).containsEntry("ruleId", "XDOC-001").containsEntry("severity", "WARNING")
                .containsEntry("actual", "290.00").containsEntry("source", "CROSS_DOCUMENT")
                .containsEntry("relatedDocumentId", budget2023.documentId());
        assertThat(d.getString("findings.find { it.category == 'CROSS_DOCUMENT' }.expected.value")).isEqualTo("283.42");
        assertThat(d.getString("findings.find { it.category == 'CROSS_DOCUMENT' }.messageZh"))
                .contains("1137.1", "853.68", "283.365～283.475", "290");
        assertThat(d.getString("findings.find { it.category == 'CROSS_DOCUMENT' }.messageEn"))
                .contains("prior year", "2023 budget");
        List<Map<String, Object>> evidence = d.getList("findings.find { it.category == 'CROSS_DOCUMENT' }.evidence");
        assertThat(evidence).hasSize(2);
        assertThat((String) evidence.get(0).get("quote")).contains("比 2023 年增加 853.6");
        assertThat(evidence.get(1)).containsEntry("documentId", budget2023.documentId())
                .containsEntry("quote", "合计 290.00");
        assertThat(d.getInt("findingCounts.WARNING")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readAll(Topics.ANOMALY, Duration.ofSeconds(1))
                    .stream().filter(r -> budget2024.documentId().equals(r.key())).toList();
            assertThat(records).isNotEmpty();
            ConsumerRecord<String, byte[]> record = records.get(0);
            AnomalyDetected anomaly = EventJson.read(record.value(), AnomalyDetected.class);
            assertThat(anomaly.finding().ruleId()).isEqualTo("XDOC-001");
            assertThat(anomaly.meta().kind()).isEqualTo(DisclosureKind.BUDGET);
            // pinned: the CloudEvents headers exactly as the contract (docs/events.md) has them
            assertThat(RecordHeaders.lines(record)).containsExactly(
                    "ce_specversion=1.0",
                    "ce_id=" + budget2024.documentId() + ":io.budgetlens.disclosure.anomaly.v1:cross-document-0.1.0"
                            + ":XDOC-001:" + budget2023.documentId() + ":" + anomaly.findingIndex(),
                    "ce_type=io.budgetlens.disclosure.anomaly.v1",
                    "ce_source=/budgetlens/reporting-service",
                    "ce_subject=" + budget2024.documentId(),
                    "ce_time=" + DateTimeFormatter.ISO_INSTANT.format(anomaly.detectedAt()),
                    "content-type=application/json");
        });
    }

    static void awaitStatus(String documentId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get("/api/v1/disclosures/{id}", documentId)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    static DisclosureParsed budget(String department, int year, String seed, String code) {
        return Seed.withMeta(Seed.withId(BANAN, Seed.id(seed), Visibility.PUBLIC),
                Seed.meta(BANAN.meta(), department, code, "重庆市", "巴南区", year, null));
    }

    /** A 2023 budget of the department that prints only its totals (the parts this test compares). */
    static DisclosureParsed priorBudget(String department, String seed, String expenditure, String threePublic) {
        Map<String, SummaryEntry> summary = Map.of(
                "expenditure.total", entry(expenditure, FundScope.GENERAL_PUBLIC_BUDGET),
                "three_public.total", entry(threePublic, FundScope.GENERAL_PUBLIC_BUDGET));
        DisclosureParsed prior = budget(department, 2023, seed, null);
        DisclosureMeta m = prior.meta();
        return Seed.withSummary(Seed.withMeta(prior, new DisclosureMeta(m.kind(), m.scope(), 2023,
                department + "2023年部门预算", department, null, "重庆市", "巴南区", null, null, null, null)),
                summary, List.of());
    }

    static SummaryEntry entry(String value, FundScope scope) {
        return new SummaryEntry(new BigDecimal(value), scope, Evidence.ofText("合计 " + value, 0, 3 + value.length()));
    }
}
