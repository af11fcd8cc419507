package io.budgetlens.reporting.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.Visibility;

/**
 * A stored disclosure document, keyed by its documentId, with what its received, parsed and validated events said.
 * Updates write only the columns that changed: a received or validated event leaves the text and the JSON of the
 * parse result (tens of kilobytes, stored out of line) as they are instead of writing them again. Those large columns
 * are also read lazily (all together, at the first access of one): storing an event locks and reads the row's small
 * columns only, where reading the whole row back (about 90 KB of text and JSON for the samples) was most of the
 * consumer's database work; the API and the pages read them when they show a document.
 */
@Entity
@DynamicUpdate
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

    @Column(name = "budget_unit_code")
    public String budgetUnitCode;

    @Column(name = "publication_date")
    public LocalDate publicationDate;

    /** District when the document names one, else province. */
    public String region;

    /** The department part of the identity: {@code code:<region>:<code>} or {@code name:<normalised name>}. */
    @Column(name = "department_key")
    public String departmentKey;

    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "code_key")
    public String codeKey;

    /** The newest public document of its identity (department, year, kind, scope). */
    @Column(nullable = false)
    public boolean latest;

    @Basic(fetch = FetchType.LAZY)
    public String text;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String sections;

    /**
     * The only JSON column stored as jsonb: the cross-document look-ups query into it ({@code jsonb_path_query_array}).
     * The others are json (V9): stored as written and returned as stored, which costs PostgreSQL about half what jsonb
     * does to take in and less than half to give back.
     */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String facts;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String tables;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String summary;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "parse_warnings", columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String parseWarnings;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String performance;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String verdicts;

    @Column(name = "expenditure_total")
    public BigDecimal expenditureTotal;

    @Column(name = "income_total")
    public BigDecimal incomeTotal;

    @Column(name = "three_public_total")
    public BigDecimal threePublicTotal;

    @Column(name = "three_public_overseas")
    public BigDecimal threePublicOverseas;

    @Column(name = "three_public_reception")
    public BigDecimal threePublicReception;

    @Column(name = "three_public_vehicle")
    public BigDecimal threePublicVehicle;

    @Column(name = "operating_expenses")
    public BigDecimal operatingExpenses;

    @Column(name = "cross_error_count", nullable = false)
    public int crossErrorCount;

    @Column(name = "cross_warning_count", nullable = false)
    public int crossWarningCount;

    /** Newest revision received (a part added makes a new one). */
    @Column(nullable = false)
    public int revision = 1;

    @Column(name = "parsed_revision")
    public Integer parsedRevision;

    @Column(name = "validated_revision")
    public Integer validatedRevision;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String parts;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String pages;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "json")
    @ColumnTransformer(write = "CAST(? AS json)")
    public String contents;

    @Column(nullable = false)
    public boolean partial;

    @Column(name = "template_family", length = 16)
    public String templateFamily;

    /** The subject that uploaded a draft (contract v1.1); null for public documents. */
    public String owner;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Not stored: set when storing an event of this document moved the latest flag within its identity (this
     * document became, or stopped being, the latest), so that the documents compared with that identity are checked
     * again. Lives as long as the entity instance, which the consumer clears after each record.
     */
    @Transient
    public boolean latestMoved;
}
