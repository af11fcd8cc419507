package io.budgetlens.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox keeps sent anomalies for seven days, for inspection, and the purge deletes only the older ones: never a
 * row sent within the week, never an unsent one (those are the relay's, see AnomalyOutboxTest).
 */
@QuarkusTest
class AnomalyOutboxPurgeTest {

    private static final String DOCUMENT = "a".repeat(63) + "7";

    @Inject
    AnomalyOutbox outbox;

    @Inject
    EntityManager em;

    @Test
    void rowsSentMoreThanSevenDaysAgoArePurgedAndTheWeeksRowsAreKept() {
        QuarkusTransaction.requiringNew().run(() -> {
            insert("purge-test-old", "now() - interval '8 days'");
            insert("purge-test-edge", "now() - interval '6 days 23 hours'");
            insert("purge-test-recent", "now() - interval '1 hour'");
        });

        outbox.purge();

        assertThat(ceIds()).containsExactlyInAnyOrder("purge-test-edge", "purge-test-recent");
    }

    private void insert(String ceId, String sentAt) {
        em.createNativeQuery("INSERT INTO anomaly_outbox (document_id, ce_id, payload, sent_at, attempts) "
                + "VALUES (?1, ?2, CAST('{}' AS json), " + sentAt + ", 1)")
                .setParameter(1, DOCUMENT).setParameter(2, ceId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<String> ceIds() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT ce_id FROM anomaly_outbox WHERE document_id = ?1").setParameter(1, DOCUMENT).getResultList());
    }
}
