package io.budgetlens.reporting.store;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Disclosures by documentId. Writes are idempotent: a redelivered event changes nothing. */
@ApplicationScoped
public class DisclosureRepository implements PanacheRepositoryBase<DisclosureEntity, String> {

    /** Records a received document once; a later status is never moved back to RECEIVED. */
    public DisclosureEntity recordReceived(DisclosureReceived event) {
        DisclosureEntity entity = findById(event.documentId());
        if (entity != null) {
            return entity;
        }
        entity = new DisclosureEntity();
        entity.documentId = event.documentId();
        entity.status = DisclosureStatus.RECEIVED;
        entity.visibility = event.visibility() == null ? Visibility.PUBLIC : event.visibility();
        entity.contentType = event.contentType();
        entity.sourceUri = event.sourceUri();
        entity.filename = event.filename();
        entity.sizeBytes = event.size();
        entity.receivedAt = event.receivedAt();
        entity.updatedAt = Instant.now();
        persist(entity);
        return entity;
    }
}
