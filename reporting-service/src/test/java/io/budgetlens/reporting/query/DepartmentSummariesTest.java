package io.budgetlens.reporting.query;

import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.Seed;
import io.budgetlens.reporting.query.DisclosureQueries.Dimension;
import io.budgetlens.reporting.query.DisclosureQueries.SummaryPage;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.PostgresResource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The summaries by department read from the rows migration V6 keeps give exactly what the aggregate over every
 * counted disclosure gives (the query they replace, {@link DisclosureQueries#summaries}): for every grouping and
 * filter the kept rows answer, every sort, pages, and the API's JSON byte for byte; on generated rows with NULL
 * keys, kinds and figures, figures of several decimals, drafts and superseded rows, then after each of re-validation,
 * a change of decimals alone, supersession, a change of department, publication and deletion, both before a refresh
 * (departments answered live) and after; and after disclosures stored and superseded through the consumers.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DepartmentSummariesTest {

    private static final String PREFIX = "department-summaries-test-";
    private static final String[] KEYS = {"name:汇总测试局", "name:汇总测试办", "code:测试区:001", "code:测试区:002",
        "name:测试区教育委员会", "name:测试区卫生健康委员会", "name:测试区财政局", null};
    private static final String[] NAMES = {"汇总测试局", "汇总测试局(本级)", "测试区教育委员会", "测试区卫健委"};
    private static final String[] KINDS = {"BUDGET", "FINAL_ACCOUNT", null};
    private static final String[] SCOPES = {"DEPARTMENT", "UNIT", null};
    private static final String[] STATUSES = {"VALIDATED", "VALIDATED", "PARSED", "RECEIVED", "REJECTED"};
    private static final String[] SORTS = {null, "-errors", "expenditureTotal", "-averageCompleteness,kind",
        "infos,-warnings"};
    private static final List<List<Dimension>> GROUPINGS = List.of(
            List.of(Dimension.DEPARTMENT, Dimension.KIND, Dimension.SCOPE),
            List.of(Dimension.SCOPE, Dimension.DEPARTMENT, Dimension.KIND));
    private static final int ROWS = 300;

    @Inject
    DisclosureQueries queries;

    @Inject
    DepartmentSummaries summaries;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private final Random random = new Random(15);

    @Test
    void keptRowsAnswerExactlyAsTheAggregateOverEveryDisclosure() {
        sql(generated());
        assertSameAnswers("generated rows, departments stale");
        summaries.refresh();
        assertSameAnswers("generated rows, refreshed");

        // each kind of change on its own, so that a change the trigger missed shows in the kept rows
        Map<String, List<String>> changes = new LinkedHashMap<>();
        changes.put("re-validation", every(1, 7, i -> "UPDATE disclosure SET status = 'VALIDATED', error_count = "
                + random.nextInt(4) + ", cross_warning_count = " + random.nextInt(3) + " WHERE document_id = '"
                + id(i) + "'"));
        changes.put("the same figure with more decimals", every(2, 11, i -> "UPDATE disclosure SET"
                + " expenditure_total = CAST(expenditure_total AS numeric(20, 5)) WHERE document_id = '" + id(i) + "'"));
        changes.put("completeness gone", every(8, 29, i -> "UPDATE disclosure SET completeness = NULL"
                + " WHERE document_id = '" + id(i) + "'"));
        changes.put("supersession", every(3, 13, i -> "UPDATE disclosure SET latest = NOT latest"
                + " WHERE document_id = '" + id(i) + "'"));
        changes.put("another department", every(4, 17, i -> "UPDATE disclosure SET department_key = "
                + literal(pick(KEYS)) + ", department = " + literal(pick(NAMES)) + " WHERE document_id = '" + id(i)
                + "'"));
        changes.put("drafts published", every(5, 19, i -> "UPDATE disclosure SET visibility = 'PUBLIC'"
                + " WHERE document_id = '" + id(i) + "'"));
        changes.put("deletion", every(6, 23, i -> "DELETE FROM disclosure WHERE document_id = '" + id(i) + "'"));
        for (var change : changes.entrySet()) {
            sql(change.getValue());
            assertSameAnswers("after " + change.getKey() + ", departments stale");
            summaries.refresh();
            assertSameAnswers("after " + change.getKey() + ", refreshed");
        }

        // through the consumers: a disclosure, its re-publication (which supersedes it) and the report on that
        DisclosureParsed first = Seed.withMeta(Seed.withId(Seed.BANAN, Seed.id(PREFIX + "first"),
                Visibility.PUBLIC), Seed.meta(Seed.BANAN.meta(), "汇总测试局", null, "重庆市", "测试区", null,
                LocalDate.of(2024, 2, 1)));
        DisclosureParsed again = Seed.withMeta(Seed.withId(first, Seed.id(PREFIX + "again"), Visibility.PUBLIC),
                Seed.meta(first.meta(), "汇总测试局", null, "重庆市", "测试区", null, LocalDate.of(2024, 3, 1)));
        Seed.send(first);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin()
                .get("/api/v1/disclosures/{id}", first.documentId()).then().statusCode(200));
        Seed.send(again);
        Seed.send(Seed.report(again, new BigDecimal("0.7500"), Seed.finding(again, "CHG-001", Severity.ERROR,
                Category.CHANGE, "变动率不符", "change rate does not match")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin()
                .get("/api/v1/disclosures/{id}", again.documentId()).then().statusCode(200)
                .body("status", equalTo("VALIDATED")).body("identity.latest", equalTo(true)));
        assertSameAnswers("after the consumers stored a disclosure and its re-publication");
        assertThat(summaries(List.of(Dimension.DEPARTMENT, Dimension.KIND, Dimension.SCOPE), null, null, null, 0,
                500, false).rows()).anySatisfy(r -> {
                    assertThat(r.department()).isEqualTo("汇总测试局");
                    assertThat(r.errors()).isGreaterThanOrEqualTo(1L);
                });
    }

    @AfterAll
    static void removeGenerated() {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class)
                .get().createNativeQuery("DELETE FROM disclosure WHERE filename LIKE '" + PREFIX + "%'"
                        + " OR document_id IN ('" + Seed.id(PREFIX + "first") + "', '" + Seed.id(PREFIX + "again")
                        + "')").executeUpdate());
    }

    /** Every grouping, kind and scope filter, sort and page: the kept rows and the full aggregate agree. */
    private void assertSameAnswers(String when) {
        for (List<Dimension> dims : GROUPINGS) {
            for (String kind : new String[] {null, "budget", "final_account"}) {
                for (String scope : new String[] {null, "department", "unit"}) {
                    for (String sort : SORTS) {
                        for (int[] page : new int[][] {{0, 500}, {1, 7}, {1000, 100}}) {
                            SummaryPage kept = summaries(dims, kind, scope, sort, page[0], page[1], true);
                            SummaryPage scanned = summaries(dims, kind, scope, sort, page[0], page[1], false);
                            String what = when + ": groupBy=" + dims + " kind=" + kind + " scope=" + scope
                                    + " sort=" + sort + " page=" + Arrays.toString(page);
                            assertThat(kept.totalGroups()).as(what).isEqualTo(scanned.totalGroups());
                            assertThat(kept.rows().stream().map(r -> r.toMap(dims)).toList()).as(what)
                                    .isEqualTo(scanned.rows().stream().map(r -> r.toMap(dims)).toList());
                        }
                    }
                }
            }
        }
        SummaryPage scanned = summaries(GROUPINGS.get(0), null, null, "-errors", 0, 20, false);
        assertThat(scanned.totalGroups()).as(when).isGreaterThan(10);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupBy", List.of("departmentKey", "kind", "scope"));
        body.put("unit", "万元");
        body.put("items", scanned.rows().stream().map(r -> r.toMap(GROUPINGS.get(0))).toList());
        body.put("page", 0);
        body.put("size", 20);
        body.put("total", scanned.totalGroups());
        String api = given().queryParam("groupBy", "department").queryParam("sort", "-errors").queryParam("size", 20)
                .get("/api/v1/summaries").then().statusCode(200).extract().asString();
        assertThat(api).as(when + ": the API's JSON").isEqualTo(write(body));
    }

    private SummaryPage summaries(List<Dimension> dims, String kind, String scope, String sort, int page, int size,
                                  boolean kept) {
        Map<String, String> sorts = new LinkedHashMap<>();
        dims.forEach(d -> sorts.put(d.field, d.column));
        Arrays.stream(DisclosureQueries.Metric.values()).forEach(m -> sorts.put(m.field, m.alias()));
        String orderBy = Params.sort(sort, sorts, String.join(",", dims.stream().map(d -> d.field).toList()),
                String.join(", ", dims.stream().map(d -> d.column).toList()));
        Where filters = new Where();
        Params.disclosureFilters(filters, "", null, null, kind, scope);
        if (kept) {
            return queries.departmentSummaries(filters, orderBy, page, size);
        }
        Where where = new Where().and(DepartmentSummaries.COUNTED);
        Params.disclosureFilters(where, "", null, null, kind, scope);
        return queries.summaries(dims, where, orderBy, page, size);
    }

    /** Rows of every kind a summary must count or skip, with figures of 0 to 3 decimals or none. */
    private List<String> generated() {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            rows.add("INSERT INTO disclosure (document_id, status, visibility, latest, kind, scope, department_key,"
                    + " department, region, fiscal_year, filename, expenditure_total, income_total, three_public_total,"
                    + " three_public_overseas, three_public_reception, three_public_vehicle, operating_expenses,"
                    + " error_count, cross_error_count, warning_count, cross_warning_count, info_count, completeness,"
                    + " updated_at) VALUES ('" + id(i) + "', '" + pick(STATUSES) + "', '"
                    + (random.nextInt(8) == 0 ? "DRAFT" : "PUBLIC") + "', " + (random.nextInt(5) > 0) + ", "
                    + literal(pick(KINDS)) + ", " + literal(pick(SCOPES)) + ", " + literal(pick(KEYS)) + ", "
                    + literal(pick(NAMES)) + ", '测试区', " + (2018 + random.nextInt(7)) + ", '" + PREFIX + i + "', "
                    + amount() + ", " + amount() + ", " + amount() + ", " + amount() + ", " + amount() + ", "
                    + amount() + ", " + amount() + ", " + random.nextInt(5) + ", " + random.nextInt(2) + ", "
                    + random.nextInt(5) + ", " + random.nextInt(2) + ", " + random.nextInt(4) + ", "
                    + (random.nextInt(6) == 0 ? "NULL" : "0." + (1000 + random.nextInt(9000))) + ", now())");
        }
        return rows;
    }

    private String amount() {
        if (random.nextInt(5) == 0) {
            return "CAST(NULL AS numeric)";
        }
        return new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(4)).toPlainString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> every(int first, int step, IntFunction<String> statement) {
        List<String> statements = new ArrayList<>();
        for (int i = first; i <= ROWS; i += step) {
            statements.add(statement.apply(i));
        }
        return statements;
    }

    private static String literal(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    private static String id(int i) {
        return Seed.id(PREFIX + i);
    }

    private void sql(List<String> statements) {
        QuarkusTransaction.requiringNew().run(() -> statements.forEach(s -> em.createNativeQuery(s).executeUpdate()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
