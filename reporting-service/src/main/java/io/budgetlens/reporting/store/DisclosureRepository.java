package io.budgetlens.reporting.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Finding;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.ReceivedPart;
import io.budgetlens.events.Severity;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Disclosures by documentId. Every write is idempotent and order-tolerant: events of one document may arrive in
 * any order across the three topics, a redelivered event changes nothing, and the status never goes backwards.
 * VALIDATED is reached once both the parse result and the report are stored, whichever came first.
 * A parsed or validated result replaces the stored one only when its parser or ruleset version is not older.
 */
@ApplicationScoped
public class DisclosureRepository implements PanacheRepositoryBase<DisclosureEntity, String> {

    public static final String SOURCE_VALIDATION = "VALIDATION";
    public static final String SOURCE_CROSS_DOCUMENT = "CROSS_DOCUMENT";

    public boolean recordReceived(DisclosureReceived event) {
        return recordReceived(event, Long.MAX_VALUE);
    }

    /**
     * Stores a received event: the document's metadata, its revision in the history, and (when the files together
     * are within {@code maxStoredBytes}) the original bytes of each file, to render pages and annotate from.
     * Answers whether the latest document of its identity changed (the receipt time takes part in choosing it).
     */
    public boolean recordReceived(DisclosureReceived event, long maxStoredBytes) {
        if (deletedDraft(event.documentId(), event.visibility())) {
            return false;
        }
        var em = getEntityManager();
        // Usually the first event of its document: then its row is inserted with the received values in one
        // statement, instead of inserted empty, locked, read and updated (a second row version with its index entries)
        boolean created = Jdbc.update(em, """
                        INSERT INTO disclosure (document_id, status, visibility, updated_at, revision, content_type,
                                                source_uri, filename, owner, size_bytes, received_at)
                        VALUES (?, 'RECEIVED', ?, now(), ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (document_id) DO NOTHING""", insert -> {
                    insert.setString(1, event.documentId());
                    insert.setString(2, (event.visibility() == null ? Visibility.PUBLIC : event.visibility()).name());
                    insert.setInt(3, event.revisionNumber());
                    insert.setString(4, event.contentType());
                    insert.setString(5, event.sourceUri());
                    insert.setString(6, event.filename());
                    insert.setString(7, event.owner());
                    insert.setLong(8, event.size());
                    insert.setObject(9, at(event.receivedAt()));
                }) == 1;
        // the row exists now: inserted here (other transactions' inserts of it wait for this one), or before
        DisclosureEntity entity = created ? null : findById(event.documentId(), LockModeType.PESSIMISTIC_WRITE);
        var parts = event.allParts();
        em.createNativeQuery("""
                        INSERT INTO disclosure_revision (document_id, revision, received_at, parts)
                        VALUES (?1, ?2, ?3, CAST(?4 AS json)) ON CONFLICT (document_id, revision) DO NOTHING""")
                .setParameter(1, event.documentId()).setParameter(2, event.revisionNumber())
                .setParameter(3, event.receivedAt())
                .setParameter(4, json(parts.stream().map(p -> Map.of("sha256", p.sha256(), "size", p.size(),
                        "filename", p.filename() == null ? "" : p.filename(),
                        "contentType", p.contentType() == null ? "" : p.contentType())).toList()))
                .executeUpdate();
        long total = parts.stream().mapToLong(ReceivedPart::size).sum();
        if (total <= maxStoredBytes) {
            for (ReceivedPart p : parts) {
                if (p.content() == null) {
                    continue;
                }
                em.createNativeQuery("""
                                INSERT INTO document_file (document_id, sha256, filename, content_type, size_bytes, content)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (document_id, sha256) DO NOTHING""")
                        .setParameter(1, event.documentId()).setParameter(2, p.sha256())
                        .setParameter(3, p.filename()).setParameter(4, p.contentType())
                        .setParameter(5, p.size()).setParameter(6, p.content())
                        .executeUpdate();
            }
        }
        if (created) {
            return false; // only received: the document takes part in no identity's ranking yet
        }
        if (event.revisionNumber() < entity.revision) {
            return false; // an older revision arriving late: its files and history are kept, the document stays newer
        }
        entity.revision = event.revisionNumber();
        entity.contentType = event.contentType();
        entity.sourceUri = event.sourceUri();
        entity.filename = event.filename();
        entity.owner = event.owner() == null ? entity.owner : event.owner();
        entity.sizeBytes = event.size();
        entity.receivedAt = event.receivedAt();
        entity.updatedAt = Instant.now();
        if (entity.status != DisclosureStatus.RECEIVED) {
            markLatest(entity);
        }
        return entity.latestMoved;
    }

    /** Stores the parse result; answers whether it was taken (false when an older parser version arrived late). */
    public boolean recordParsed(DisclosureParsed event) {
        DisclosureEntity entity = findOrCreate(event.documentId(), event.visibility());
        if (entity == null || isOlder(event.revisionNumber(), event.parserVersion(), entity.parsedRevision,
                entity.parserVersion)) {
            return false;
        }
        entity.parsedRevision = event.revisionNumber();
        entity.parts = event.parts() == null ? null : json(event.parts());
        entity.pages = event.pages() == null ? null : json(event.pages());
        entity.contents = event.contents() == null ? null : json(event.contents());
        entity.partial = event.isPartial();
        entity.templateFamily = event.meta() == null ? null : event.meta().templateFamily();
        entity.parserVersion = event.parserVersion();
        entity.parsedAt = event.parsedAt();
        entity.owner = event.owner() == null ? entity.owner : event.owner();
        if (entity.contentType == null) {
            entity.contentType = event.contentType();
        }
        if (entity.sourceUri == null) {
            entity.sourceUri = event.sourceUri();
        }
        if (event.status() == ParseStatus.REJECTED) {
            entity.rejectionReasons = String.join("\n", event.rejectionReasons());
            advance(entity, DisclosureStatus.REJECTED);
        } else {
            entity.rejectionReasons = null;
            advance(entity, DisclosureStatus.PARSED);
            if (entity.rulesetVersion != null) {
                advance(entity, DisclosureStatus.VALIDATED); // the report arrived first
            }
        }
        DisclosureMeta meta = event.meta();
        if (meta != null) {
            entity.kind = meta.kind();
            entity.scope = meta.scope();
            entity.fiscalYear = meta.fiscalYear();
            entity.title = meta.title();
            entity.department = meta.department();
            entity.budgetUnitCode = meta.budgetUnitCode();
            entity.province = meta.province();
            entity.district = meta.district();
            entity.publicationDate = meta.publicationDate();
            entity.region = DepartmentKeys.region(meta);
            entity.nameKey = DepartmentKeys.nameKey(meta);
            entity.codeKey = DepartmentKeys.codeKey(meta);
            entity.departmentKey = DepartmentKeys.departmentKey(meta);
        }
        entity.text = event.text();
        entity.sections = json(event.sections());
        entity.facts = json(event.facts());
        entity.tables = json(event.tables());
        entity.summary = json(event.summary());
        entity.parseWarnings = json(event.warnings());
        entity.performance = json(event.performance());
        Map<String, SummaryEntry> summary = event.summary() == null ? Map.of() : event.summary();
        entity.expenditureTotal = value(summary, "expenditure.total");
        entity.incomeTotal = value(summary, "income.total");
        entity.threePublicTotal = value(summary, "three_public.total");
        entity.threePublicOverseas = value(summary, "three_public.overseas");
        entity.threePublicReception = value(summary, "three_public.reception");
        BigDecimal vehicle = value(summary, "three_public.vehicle");
        if (vehicle == null) {
            BigDecimal purchase = value(summary, "three_public.vehicle_purchase");
            BigDecimal operation = value(summary, "three_public.vehicle_operation");
            vehicle = purchase == null || operation == null ? null : purchase.add(operation);
        }
        entity.threePublicVehicle = vehicle;
        entity.operatingExpenses = value(summary, "operating_expenses");
        entity.updatedAt = Instant.now();
        markLatest(entity);
        return true;
    }

    public void recordValidated(DisclosureValidated event) {
        DisclosureEntity entity = findOrCreate(event.documentId(), event.visibility());
        int revision = event.revision() == null ? 1 : event.revision();
        if (entity == null || isOlder(revision, event.rulesetVersion(), entity.validatedRevision,
                entity.rulesetVersion)) {
            return;
        }
        entity.validatedRevision = revision;
        entity.rulesetVersion = event.rulesetVersion();
        entity.validatedAt = event.validatedAt();
        entity.owner = event.owner() == null ? entity.owner : event.owner();
        entity.errorCount = (int) event.count(Severity.ERROR);
        entity.warningCount = (int) event.count(Severity.WARNING);
        entity.infoCount = (int) event.count(Severity.INFO);
        entity.completeness = event.completeness();
        entity.verdicts = json(event.verdicts());
        if (entity.parserVersion != null) {
            // VALIDATED means the whole disclosure is readable: a report that overtook its parse result waits
            advance(entity, DisclosureStatus.VALIDATED);
        }
        entity.updatedAt = Instant.now();
        replaceFindings(entity.documentId, SOURCE_VALIDATION, event.findings());
    }

    /**
     * Replaces the finding rows of one source of one document: one delete, then the rows in one JDBC batch (a
     * statement and a round trip per finding showed in the profile as a tenth of this service's time). Neither
     * flushes the session: the finding rows need only the document's row to exist, and the document's own pending
     * changes are written once, at the end of its record.
     */
    public void replaceFindings(String documentId, String source, List<Finding> findings) {
        var em = getEntityManager();
        Jdbc.update(em, "DELETE FROM finding WHERE document_id = ? AND source = ?", delete -> {
            delete.setString(1, documentId);
            delete.setString(2, source);
        });
        List<Finding> list = findings == null ? List.of() : findings;
        Jdbc.insert(em, """
                INSERT INTO finding (document_id, source, idx, rule_id, severity, category, message_zh,
                                     message_en, expected, actual, excess, unit, evidence, related_document_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json), ?, ?, ?, CAST(? AS json), ?)""", list,
                (insert, f, i) -> {
                    String related = f.evidence() == null ? null : f.evidence().stream()
                            .map(io.budgetlens.events.Evidence::documentId)
                            .filter(id -> id != null && !id.equals(documentId)).findFirst().orElse(null);
                    insert.setString(1, documentId);
                    insert.setString(2, source);
                    insert.setInt(3, i);
                    insert.setString(4, f.ruleId());
                    insert.setString(5, f.severity().name());
                    insert.setString(6, f.category().name());
                    insert.setString(7, f.messageZh());
                    insert.setString(8, f.messageEn());
                    insert.setString(9, json(f.expected()));
                    insert.setBigDecimal(10, f.actual());
                    insert.setBigDecimal(11, f.excess());
                    insert.setString(12, f.unit());
                    insert.setString(13, json(f.evidence()));
                    insert.setString(14, related);
                });
    }

    /**
     * Deletes a document and its findings (a draft deleted by its owner, or a tombstone on one of the compacted topics:
     * the document no longer exists) and remembers the id, so late events of it are dropped.
     */
    public void deleteDocument(String documentId) {
        var em = getEntityManager();
        em.createNativeQuery("DELETE FROM disclosure WHERE document_id = ?1").setParameter(1, documentId)
                .executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO deleted_draft (document_id, deleted_at) VALUES (?1, now())
                        ON CONFLICT (document_id) DO NOTHING""")
                .setParameter(1, documentId).executeUpdate();
    }

    /**
     * Marks the newest public document of its identity (department, fiscal year, kind, scope) as latest:
     * the latest publication date, then the latest receipt, then the documentId so the choice is stable. The printed
     * 发布日期 is the document's own claim: it never counts as later than the day the document was received (in China's
     * time zone; the parse time while the received event has not arrived), so a forged future date cannot make a
     * document the latest. Only the other rows whose flag changes are written (not every document of the identity at
     * each event); this document takes part in the ranking with its values as they are now, passed as parameters, and
     * its own flag is set on the entity, so the session is not flushed here and the document's row is written once, at
     * the end of its record (a flush here, then the flag, then the cross-document counts made up to three UPDATEs of
     * the row per event: 6.8 per document over its three events, each a new row version with eleven index entries).
     * When any flag moves, {@link DisclosureEntity#latestMoved} is set.
     */
    private void markLatest(DisclosureEntity entity) {
        if (entity.visibility != Visibility.PUBLIC || entity.kind == null || entity.fiscalYear == null
                || entity.scope == null || entity.departmentKey == null) {
            return;
        }
        boolean ranked = (entity.status == DisclosureStatus.PARSED || entity.status == DisclosureStatus.VALIDATED)
                && (entity.nameKey != null || entity.codeKey != null);
        record Moved(String documentId, boolean latest) {
        }
        List<Moved> moved = Jdbc.read(getEntityManager(), """
                        WITH candidate AS (
                            SELECT document_id, publication_date, received_at, parsed_at FROM disclosure
                            WHERE visibility = 'PUBLIC' AND status IN ('PARSED', 'VALIDATED')
                              AND fiscal_year = ? AND kind = ? AND scope = ?
                              AND (name_key = ? OR code_key = ?) AND document_id <> ?
                            UNION ALL
                            SELECT CAST(? AS char(64)), CAST(? AS date), CAST(? AS timestamptz), CAST(? AS timestamptz)
                            WHERE ?),
                        identity AS (
                            SELECT document_id,
                                   row_number() OVER (ORDER BY CASE WHEN publication_date IS NULL THEN NULL
                                           ELSE LEAST(publication_date, CAST(COALESCE(received_at, parsed_at)
                                           AT TIME ZONE 'Asia/Shanghai' AS date)) END DESC NULLS LAST, COALESCE(received_at, parsed_at) DESC NULLS LAST,
                                           document_id DESC) AS rank
                            FROM candidate),
                        moved AS (
                            UPDATE disclosure d SET latest = (i.rank = 1)
                            FROM identity i WHERE d.document_id = i.document_id AND d.document_id <> ?
                              AND d.latest <> (i.rank = 1)
                            RETURNING d.document_id, d.latest)
                        SELECT document_id, latest FROM moved
                        UNION ALL
                        SELECT document_id, rank = 1 FROM identity WHERE document_id = ?""",
                query -> {
                    query.setInt(1, entity.fiscalYear);
                    query.setString(2, entity.kind.name());
                    query.setString(3, entity.scope.name());
                    query.setString(4, entity.nameKey == null ? "" : entity.nameKey);
                    query.setString(5, entity.codeKey == null ? "" : entity.codeKey);
                    query.setString(6, entity.documentId);
                    query.setString(7, entity.documentId);
                    query.setObject(8, entity.publicationDate);
                    query.setObject(9, at(entity.receivedAt));
                    query.setObject(10, at(entity.parsedAt));
                    query.setBoolean(11, ranked);
                    query.setString(12, entity.documentId);
                    query.setString(13, entity.documentId);
                },
                row -> new Moved(row.getString(1).trim(), row.getBoolean(2)));
        for (Moved row : moved) {
            if (!entity.documentId.equals(row.documentId())) {
                entity.latestMoved = true;
            } else if (entity.latest != row.latest()) {
                entity.latest = row.latest(); // written with the rest of the row's changes
                entity.latestMoved = true;
            }
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static BigDecimal value(Map<String, SummaryEntry> summary, String key) {
        SummaryEntry entry = summary.get(key);
        return entry == null ? null : entry.value();
    }

    static String json(Object value) {
        return value == null ? null : EventJson.writeString(value);
    }

    private static void advance(DisclosureEntity entity, DisclosureStatus next) {
        if (entity.status.canMoveTo(next)) {
            entity.status = next;
        }
    }

    /** An event of an older revision, or of the same revision by an older version, than the one stored. */
    private static boolean isOlder(int revision, String version, Integer storedRevision, String storedVersion) {
        int stored = storedRevision == null ? 0 : storedRevision;
        if (revision != stored) {
            return revision < stored;
        }
        return Versions.isOlder(version, storedVersion);
    }

    /** A draft deleted by its owner: its late events are dropped. */
    private boolean deletedDraft(String documentId, Visibility visibility) {
        return visibility == Visibility.DRAFT && !getEntityManager().createNativeQuery(
                "SELECT 1 FROM deleted_draft WHERE document_id = ?1").setParameter(1, documentId)
                .getResultList().isEmpty();
    }

    /** The stored bytes of one file of a document, or null. */
    public byte[] file(String documentId, String sha256) {
        List<?> rows = getEntityManager().createNativeQuery(
                        "SELECT content FROM document_file WHERE document_id = ?1 AND sha256 = ?2")
                .setParameter(1, documentId).setParameter(2, sha256).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    /**
     * The document's row, created if absent, locked for the rest of the transaction. Events of one document are
     * consumed by three channels at once; the insert-if-absent plus row lock makes their updates serialise instead
     * of overwriting each other's columns. Null for a deleted draft: its late events are dropped. The row usually
     * exists (the received event stored it), so it is locked first and inserted only when absent: one statement per
     * event instead of an insert attempt and then the lock.
     */
    private DisclosureEntity findOrCreate(String documentId, Visibility visibility) {
        if (deletedDraft(documentId, visibility)) {
            return null;
        }
        DisclosureEntity existing = findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return existing;
        }
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
