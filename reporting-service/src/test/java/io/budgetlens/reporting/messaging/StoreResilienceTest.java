package io.budgetlens.reporting.messaging;

import static io.budgetlens.reporting.Seed.RONGCHANG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.Seed;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.SharedPostgres;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Redelivery and database outages on the real broker and PostgreSQL: the same records delivered twice give one
 * row and one set of findings; records that arrive while PostgreSQL is down wait (readiness DOWN), are stored when
 * it is back, and none of them goes to a dead-letter topic.
 */
@QuarkusTest
class StoreResilienceTest {

    @Test
    void theSameRecordsDeliveredTwiceGiveOneRowAndOneSetOfFindings() throws Exception {
        DisclosureParsed parsed = Seed.withId(RONGCHANG, Seed.id("redelivered rongchang"), Visibility.PUBLIC);
        DisclosureValidated report = Seed.report(parsed, new BigDecimal("1.0000"),
                Seed.finding(parsed, "DUP-001", Severity.WARNING, Category.DUPLICATE, "重复行", "duplicate row"),
                Seed.finding(parsed, "DUP-001", Severity.WARNING, Category.DUPLICATE, "重复行", "duplicate row"));
        for (int i = 0; i < 2; i++) {
            Seed.send(parsed);
            Seed.send(report);
        }
        Seed.send(parsed);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/disclosures/{id}", parsed.documentId()).then().statusCode(200)
                .body("status", equalTo("VALIDATED")));
        // the last record of the three deliveries is a parsed event: wait until it has been consumed too
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM disclosure WHERE document_id = ?", parsed.documentId())).isOne();
            assertThat(count("SELECT count(*) FROM finding WHERE document_id = ?", parsed.documentId())).isEqualTo(2);
        });
        given().get("/api/v1/disclosures/{id}", parsed.documentId()).then()
                .body("findingCounts.WARNING", equalTo(2)).body("status", equalTo("VALIDATED"));
    }

    @Test
    void aDatabaseOutagePausesConsumptionWithoutLosingSkippingOrDeadLettering() {
        List<DisclosureParsed> documents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            documents.add(Seed.withId(RONGCHANG, Seed.id("outage " + i), Visibility.PUBLIC));
        }
        Set<String> ids = Set.of(documents.get(0).documentId(), documents.get(1).documentId(),
                documents.get(2).documentId());

        SharedPostgres.stop();
        try {
            for (DisclosureParsed p : documents) {
                Seed.send(p);
                Seed.send(Seed.report(p, new BigDecimal("0.9000")));
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'disclosure-store-writes' }.status", equalTo("DOWN")));
            given().get("/api/v1/disclosures").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5");
        } finally {
            SharedPostgres.start();
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (DisclosureParsed p : documents) {
                given().get("/api/v1/disclosures/{id}", p.documentId()).then().statusCode(200)
                        .body("status", equalTo("VALIDATED"));
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem("disclosure-store-writes")));
        for (String dlq : List.of(Topics.RECEIVED_REPORTING_DLQ, Topics.PARSED_REPORTING_DLQ,
                Topics.VALIDATED_REPORTING_DLQ)) {
            assertThat(KafkaTestClient.readAll(dlq, Duration.ofSeconds(1)))
                    .as("dead letters on %s", dlq).noneMatch(r -> ids.contains(r.key()));
        }
    }

    private static long count(String sql, String documentId) throws Exception {
        try (var connection = DriverManager.getConnection(SharedPostgres.jdbcUrl(), SharedPostgres.USER, "");
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, documentId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
