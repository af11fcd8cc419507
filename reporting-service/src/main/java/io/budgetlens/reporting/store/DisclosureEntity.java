package io.budgetlens.reporting.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.budgetlens.events.Visibility;

/** A stored disclosure document, keyed by its documentId. */
@Entity
@Table(name = "disclosure")
public class DisclosureEntity {

    @Id
    @Column(name = "document_id", length = 64, columnDefinition = "CHAR(64)")
    public String documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public DisclosureStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Visibility visibility;

    @Column(name = "content_type", length = 128)
    public String contentType;

    @Column(name = "source_uri")
    public String sourceUri;

    @Column(name = "filename")
    public String filename;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
