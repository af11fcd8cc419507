package io.budgetlens.reporting.store;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.Visibility;

/** A stored disclosure document, keyed by its documentId, with what its received, parsed and validated events said. */
@Entity
@Table(name = "disclosure")
@NamedQueries({
        @NamedQuery(name = DisclosureEntity.LIST_VISIBLE,
                query = "FROM DisclosureEntity d WHERE d.visibility = :visibility ORDER BY d.updatedAt DESC, d.documentId"),
        @NamedQuery(name = DisclosureEntity.COUNT_VISIBLE,
                query = "SELECT count(d) FROM DisclosureEntity d WHERE d.visibility = :visibility")
})
public class DisclosureEntity {

    public static final String LIST_VISIBLE = "Disclosure.listVisible";
    public static final String COUNT_VISIBLE = "Disclosure.countVisible";

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

    public String filename;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public DisclosureKind kind;

    @Enumerated(EnumType.STRING)
    public DisclosureScope scope;

    @Column(name = "fiscal_year")
    public Integer fiscalYear;

    public String title;
    public String department;
    public String province;
    public String district;

    @Column(name = "parser_version")
    public String parserVersion;

    @Column(name = "parsed_at")
    public Instant parsedAt;

    @Column(name = "rejection_reasons")
    public String rejectionReasons;

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    @Column(name = "validated_at")
    public Instant validatedAt;

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    @Column(name = "warning_count", nullable = false)
    public int warningCount;

    @Column(name = "info_count", nullable = false)
    public int infoCount;

    @Column(precision = 5, scale = 4)
    public BigDecimal completeness;

    /** The report's findings as contract JSON (a list of Finding objects). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String findings;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
