package io.budgetlens.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.Seed;
import io.budgetlens.reporting.crossdoc.CrossDocumentService;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Storing an event writes its document's row once: a new document's received event inserts it with its values, the
 * parse result goes in with the latest flag and the cross-document counts together, the report with its status;
 * instead of a new row version (with its eleven index entries) for each statement that flushed the session. Counted by PostgreSQL itself, within the transaction that stores the event
 * ({@code pg_stat_xact_user_tables}), while the stored values stay what the reporting API shows.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RowWritesTest {

    @Inject
    DisclosureRepository repository;

    @Inject
    CrossDocumentService crossDocuments;

    @Inject
    StoreWriter writer;

    @Inject
    EntityManager em;

    @Test
    void eachEventWritesItsDocumentsRowOnceAndANewerDocumentMovesTheLatestFlagOfTheOlderOne() {
        String run = java.util.UUID.randomUUID().toString(); // the test database outlives a run
        String department = "行写入测试局" + run;
        DisclosureParsed older = Seed.withMeta(Seed.withId(Seed.BANAN, Seed.id("row writes older " + run), Visibility.PUBLIC),
                Seed.meta(Seed.BANAN.meta(), department, null, "重庆市", "巴南区", 2024, LocalDate.of(2024, 2, 1)));
        DisclosureParsed newer = Seed.withMeta(Seed.withId(Seed.BANAN, Seed.id("row writes newer " + run), Visibility.PUBLIC),
                Seed.meta(Seed.BANAN.meta(), department, null, "重庆市", "巴南区", 2024, LocalDate.of(2024, 3, 1)));

        byte[] bytes = "巴南区行写入测试局2024年部门预算".getBytes(StandardCharsets.UTF_8);
        Instant receivedAt = Instant.parse("2024-02-02T02:00:00Z");
        assertThat(updatesOfDisclosureRows(() -> repository.recordReceived(new DisclosureReceived(older.documentId(),
                "text/plain", "UTF-8", "https://example.gov.cn/older.txt", "older.txt", bytes.length, older.documentId(),
                receivedAt, Visibility.PUBLIC, bytes), Long.MAX_VALUE)))
                .as("the received event of a new document: its row inserted with the received values").isZero();
        DisclosureEntity received = writer.write(() -> repository.findById(older.documentId()));
        assertThat(received.status).isEqualTo(DisclosureStatus.RECEIVED);
        assertThat(received.receivedAt).isEqualTo(receivedAt);
        assertThat(received.filename).isEqualTo("older.txt");
        assertThat(received.sizeBytes).isEqualTo(bytes.length);
        assertThat(writer.write(() -> repository.file(older.documentId(), older.documentId()))).isEqualTo(bytes);

        assertThat(updatesOfDisclosureRows(() -> parsed(older))).as("the older parse result").isEqualTo(1);
        assertThat(latest(older)).isTrue();
        assertThat(updatesOfDisclosureRows(() -> {
            repository.recordValidated(Seed.report(older, new BigDecimal("0.9000"), Seed.finding(older, "SUM-001",
                    Severity.ERROR, Category.HIERARCHY, "合计不等于各项之和", "The total is not the sum of its items")));
        })).as("its report").isEqualTo(1);

        // the newer publication: its own row once, and the older one's flag
        assertThat(updatesOfDisclosureRows(() -> parsed(newer))).as("the newer parse result").isEqualTo(2);
        assertThat(latest(newer)).isTrue();
        assertThat(latest(older)).isFalse();

        // the newer one's received event after its parse result: its row once, with the receipt ranked in
        assertThat(updatesOfDisclosureRows(() -> repository.recordReceived(new DisclosureReceived(newer.documentId(),
                "text/plain", "UTF-8", null, "newer.txt", bytes.length, newer.documentId(),
                Instant.parse("2024-03-02T02:00:00Z"), Visibility.PUBLIC, bytes), Long.MAX_VALUE)))
                .as("a received event after the parse result").isEqualTo(1);
        assertThat(latest(newer)).isTrue();
        assertThat(writer.write(() -> repository.findById(newer.documentId()).filename)).isEqualTo("newer.txt");

        DisclosureEntity stored = writer.write(() -> repository.findById(older.documentId()));
        assertThat(stored.status).isEqualTo(DisclosureStatus.VALIDATED);
        assertThat(stored.errorCount).isEqualTo(1);
        assertThat(stored.department).isEqualTo(department);
        assertThat(writer.write(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM finding WHERE document_id = ?1 AND source = 'VALIDATION'")
                .setParameter(1, older.documentId()).getSingleResult()).intValue())).isEqualTo(1);
    }

    private void parsed(DisclosureParsed event) {
        if (repository.recordParsed(event)) {
            crossDocuments.recompute(event.documentId(), event.facts());
        }
    }

    private boolean latest(DisclosureParsed event) {
        return writer.write(() -> repository.findById(event.documentId()).latest);
    }

    /**
     * Runs the work as the consumer does (its transaction, then a flush), and counts the row versions it wrote: the
     * difference of the backend's count across the transaction (on PostgreSQL 14 the view also holds the counts of
     * the connection's earlier transactions that it has not yet reported, so its value alone is not this one's).
     */
    private int updatesOfDisclosureRows(Runnable work) {
        return writer.write(() -> {
            int before = updates();
            work.run();
            em.flush();
            em.clear();
            return updates() - before;
        });
    }

    private int updates() {
        return ((Number) em.createNativeQuery(
                "SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'disclosure'").getSingleResult())
                .intValue();
    }
}
