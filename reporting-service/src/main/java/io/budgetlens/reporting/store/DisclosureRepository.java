package io.budgetlens.reporting.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Disclosures by documentId. Every write is idempotent and order-tolerant: events of one document may arrive in
 * any order across the three topics, a redelivered event changes nothing, and the status never goes backwards.
 * A parsed or validated result replaces the stored one only when its parser or ruleset version is not older.
 */
@ApplicationScoped
public class DisclosureRepository implements PanacheRepositoryBase<DisclosureEntity, String> {

    public void recordReceived(DisclosureReceived event) {
        DisclosureEntity entity = findOrCreate(event.documentId(), event.visibility());
        entity.contentType = event.contentType();
        entity.sourceUri = event.sourceUri();
        entity.filename = event.filename();
        entity.sizeBytes = event.size();
        entity.receivedAt = event.receivedAt();
        entity.updatedAt = Instant.now();
    }

    public void recordParsed(DisclosureParsed event) {
        DisclosureEntity entity = findOrCreate(event.documentId(), event.visibility());
        if (Versions.isOlder(event.parserVersion(), entity.parserVersion)) {
            return;
        }
        entity.parserVersion = event.parserVersion();
        entity.parsedAt = event.parsedAt();
        if (event.status() == ParseStatus.REJECTED) {
            entity.rejectionReasons = String.join("\n", event.rejectionReasons());
            advance(entity, DisclosureStatus.REJECTED);
        } else {
            entity.rejectionReasons = null;
            advance(entity, DisclosureStatus.PARSED);
        }
        if (event.meta() != null) {
            entity.kind = event.meta().kind();
            entity.scope = event.meta().scope();
            entity.fiscalYear = event.meta().fiscalYear();
            entity.title = event.meta().title();
            entity.department = event.meta().department();
            entity.province = event.meta().province();
            entity.district = event.meta().district();
        }
        entity.updatedAt = Instant.now();
    }

    public void recordValidated(DisclosureValidated event) {
        DisclosureEntity entity = findOrCreate(event.documentId(), event.visibility());
        if (Versions.isOlder(event.rulesetVersion(), entity.rulesetVersion)) {
            return;
        }
        entity.rulesetVersion = event.rulesetVersion();
        entity.validatedAt = event.validatedAt();
        entity.errorCount = (int) event.count(Severity.ERROR);
        entity.warningCount = (int) event.count(Severity.WARNING);
        entity.infoCount = (int) event.count(Severity.INFO);
        entity.completeness = event.completeness();
        entity.findings = new String(EventJson.write(event.findings() == null ? List.of() : event.findings()),
                java.nio.charset.StandardCharsets.UTF_8);
        advance(entity, DisclosureStatus.VALIDATED);
        entity.updatedAt = Instant.now();
    }

    public List<DisclosureEntity> listVisible(Visibility visibility, int page, int size) {
        return find("#" + DisclosureEntity.LIST_VISIBLE, io.quarkus.panache.common.Parameters.with("visibility", visibility))
                .page(page, size).list();
    }

    public long countVisible(Visibility visibility) {
        return count("#" + DisclosureEntity.COUNT_VISIBLE,
                io.quarkus.panache.common.Parameters.with("visibility", visibility));
    }

    private static void advance(DisclosureEntity entity, DisclosureStatus next) {
        if (entity.status.canMoveTo(next)) {
            entity.status = next;
        }
    }

    /**
     * The document's row, created if absent, locked for the rest of the transaction. Events of one document are
     * consumed by three channels at once; the insert-if-absent plus row lock makes their updates serialise instead
     * of overwriting each other's columns.
     */
    private DisclosureEntity findOrCreate(String documentId, Visibility visibility) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO disclosure (document_id, status, visibility, updated_at)
                        VALUES (?1, 'RECEIVED', ?2, now())
                        ON CONFLICT (document_id) DO NOTHING""")
                .setParameter(1, documentId)
                .setParameter(2, (visibility == null ? Visibility.PUBLIC : visibility).name())
                .executeUpdate();
        return findById(documentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
