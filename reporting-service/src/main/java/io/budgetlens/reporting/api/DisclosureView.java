package io.budgetlens.reporting.api;

import java.time.Instant;

import io.budgetlens.reporting.store.DisclosureEntity;

/** JSON view of one stored disclosure (grows with the reporting issue: meta, summary, findings…). */
public record DisclosureView(String documentId, String status, String visibility, String contentType,
                             String sourceUri, long sizeBytes, Instant receivedAt) {

    static DisclosureView of(DisclosureEntity entity) {
        return new DisclosureView(entity.documentId, entity.status.name(), entity.visibility.name(), entity.contentType,
                entity.sourceUri, entity.sizeBytes, entity.receivedAt);
    }
}
