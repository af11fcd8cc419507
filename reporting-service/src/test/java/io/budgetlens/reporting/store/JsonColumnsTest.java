package io.budgetlens.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.Seed;
import io.budgetlens.reporting.crossdoc.CrossDocumentService;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Migration V9: the parse result's JSON and a finding's expected value and evidence are stored as {@code json} and come
 * back exactly as they were written (key order, no added spaces), not rebuilt from a {@code jsonb} tree;
 * the facts stay {@code jsonb}, which the cross-document look-ups query into.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class JsonColumnsTest {

    @Inject
    DisclosureRepository repository;

    @Inject
    CrossDocumentService crossDocuments;

    @Inject
    StoreWriter writer;

    @Inject
    EntityManager em;

    @Test
    void theParseResultAndTheFindingsComeBackAsWritten() {
        String run = java.util.UUID.randomUUID().toString(); // the test database outlives a run
        DisclosureParsed parsed = Seed.withId(Seed.WULONG, Seed.id("json columns " + run), Visibility.PUBLIC);
        Finding finding = Seed.finding(parsed, "SUM-001", Severity.ERROR, Category.HIERARCHY, "合计不等于各项之和",
                "The total is not the sum of its items");
        writer.write(() -> {
            if (repository.recordParsed(parsed)) {
                crossDocuments.recompute(parsed.documentId(), parsed.facts());
            }
            return null;
        });
        writer.write(() -> {
            repository.recordValidated(Seed.report(parsed, new BigDecimal("0.9000"), finding));
            return null;
        });

        List<?> row = writer.write(() -> List.of((Object[]) em.createNativeQuery("""
                        SELECT CAST(tables AS text), CAST(sections AS text), CAST(summary AS text),
                               pg_typeof(tables)::text, pg_typeof(facts)::text
                        FROM disclosure WHERE document_id = ?1""")
                .setParameter(1, parsed.documentId()).getSingleResult()));
        assertThat(parsed.tables()).as("the sample has tables").isNotEmpty();
        assertThat(row.get(0)).as("tables").isEqualTo(EventJson.writeString(parsed.tables()));
        assertThat(row.get(1)).as("sections").isEqualTo(EventJson.writeString(parsed.sections()));
        assertThat(row.get(2)).as("summary").isEqualTo(EventJson.writeString(parsed.summary()));
        assertThat(row.get(3)).isEqualTo("json");
        assertThat(row.get(4)).as("facts, queried with jsonb_path_query_array").isEqualTo("jsonb");

        List<?> stored = writer.write(() -> List.of((Object[]) em.createNativeQuery("""
                        SELECT CAST(expected AS text), CAST(evidence AS text) FROM finding
                        WHERE document_id = ?1 AND source = 'VALIDATION'""")
                .setParameter(1, parsed.documentId()).getSingleResult()));
        assertThat(stored.get(0)).as("expected").isEqualTo(EventJson.writeString(finding.expected()));
        assertThat(stored.get(1)).as("evidence").isEqualTo(EventJson.writeString(finding.evidence()));
    }
}
