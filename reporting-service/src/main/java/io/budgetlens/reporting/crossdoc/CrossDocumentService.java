package io.budgetlens.reporting.crossdoc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Severity;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.budgetlens.reporting.store.Jdbc;

/**
 * Finds the documents a disclosure is compared with (same department, scope; the year and kind each rule names;
 * public and the latest of their identity) and the stored documents that compare themselves with it, and
 * recomputes the cross-document findings of all of them. So a finding appears whichever of the two documents
 * arrives first. Drafts are checked against public documents but never serve as the other document.
 */
@ApplicationScoped
public class CrossDocumentService {

    private static final TypeReference<List<Fact>> FACTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, SummaryEntry>> SUMMARY = new TypeReference<>() {
    };

    @Inject
    DisclosureRepository repository;

    /**
     * Recomputes the findings of this document and, when it is (or just stopped being) the latest of its identity,
     * those of its dependants; answers the anomalies to publish. A document that is not the latest of its identity
     * is nobody's counterpart, so its arrival changes no other document's findings.
     */
    public List<AnomalyDetected> recompute(String documentId) {
        return recompute(documentId, null);
    }

    /**
     * The same, for a document whose facts the caller holds (the parse result it has just stored): they are not read
     * back from the row's JSON.
     */
    public List<AnomalyDetected> recompute(String documentId, List<Fact> facts) {
        DisclosureEntity document = repository.findById(documentId);
        if (!comparable(document)) {
            return List.of();
        }
        List<AnomalyDetected> anomalies = new ArrayList<>(recomputeOne(Subject.of(document, facts), document));
        if (document.visibility == Visibility.PUBLIC && (document.latest || document.latestMoved)) {
            for (Subject dependant : dependants(document)) {
                anomalies.addAll(recomputeOne(dependant, null));
            }
        }
        return anomalies;
    }

    /**
     * What the checks read of a subject document: its identity, meta and facts, not its text, tables and the rest
     * of the row (reading whole rows of every dependant was most of this service's database time). The facts as
     * objects when the caller had them, else as JSON: of a dependant only those stating a change (what the checks
     * compare), picked out by PostgreSQL, since parsing every stored fact was most of the checks' own time.
     */
    private record Subject(String documentId, DisclosureKind kind, DisclosureScope scope, Integer fiscalYear,
                           String title, String department, String budgetUnitCode, String province, String district,
                           LocalDate publicationDate, Visibility visibility, String nameKey, String codeKey,
                           List<Fact> facts, String factsJson) {

        static Subject of(DisclosureEntity d, List<Fact> facts) {
            return new Subject(d.documentId, d.kind, d.scope, d.fiscalYear, d.title, d.department, d.budgetUnitCode,
                    d.province, d.district, d.publicationDate, d.visibility, d.nameKey, d.codeKey, facts,
                    facts == null ? d.facts : null);
        }

        List<Fact> readFacts() {
            return facts != null ? facts : read(factsJson, FACTS);
        }
    }

    /** {@code managed}: the subject's entity when it is in the persistence context (the document being stored). */
    private List<AnomalyDetected> recomputeOne(Subject subject, DisclosureEntity managed) {
        List<Fact> facts = subject.readFacts();
        List<Finding> findings = new ArrayList<>();
        for (CrossDocumentRules.Rule rule : CrossDocumentRules.Rule.forSubject(subject.kind())) {
            Other other = counterpart(subject, rule);
            if (other == null) {
                continue;
            }
            var counterpart = new CrossDocumentRules.Counterpart(other.documentId(), other.title(), other.fiscalYear(),
                    read(other.summary(), SUMMARY));
            findings.addAll(CrossDocumentRules.check(rule, facts, counterpart));
        }
        repository.replaceFindings(subject.documentId(), DisclosureRepository.SOURCE_CROSS_DOCUMENT, findings);
        int errors = (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        int warnings = (int) findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        if (managed != null) {
            managed.crossErrorCount = errors;
            managed.crossWarningCount = warnings;
        } else {
            repository.getEntityManager().createNativeQuery("""
                            UPDATE disclosure SET cross_error_count = ?1, cross_warning_count = ?2
                            WHERE document_id = ?3 AND (cross_error_count <> ?1 OR cross_warning_count <> ?2)""")
                    .setParameter(1, errors).setParameter(2, warnings).setParameter(3, subject.documentId())
                    .executeUpdate();
        }

        List<AnomalyDetected> anomalies = new ArrayList<>();
        DisclosureMeta meta = new DisclosureMeta(subject.kind(), subject.scope(), subject.fiscalYear(),
                subject.title(), subject.department(), subject.budgetUnitCode(), subject.province(),
                subject.district(), subject.publicationDate(), null, null, null);
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).severity().isAnomaly()) {
                anomalies.add(new AnomalyDetected(subject.documentId(), CrossDocumentRules.RULESET_VERSION, i,
                        Instant.now(), subject.visibility(), meta, findings.get(i)));
            }
        }
        return anomalies;
    }

    /** What a rule needs of the other document: not its text and tables (the row's large columns stay unread). */
    private record Other(String documentId, String title, Integer fiscalYear, String summary) {
    }

    /*
     * The two look-ups below are plain SQL run through JDBC: as HQL with a list parameter (status IN (?2)) Hibernate
     * interpreted the query anew at every call (a tenth of the consumer's time), and as native queries it resolved
     * their result types anew at every call (see Jdbc.query). The counterpart is never the subject itself
     * (document_id <> ?) and reads only rows other transactions stored, so it does not flush the session: the
     * subject's pending changes, its cross-document counts included, reach its row in one UPDATE, when the dependants'
     * look-up flushes (a dependant may take the subject as its counterpart) or at the end of the record.
     */
    private Other counterpart(Subject subject, CrossDocumentRules.Rule rule) {
        List<Other> rows = Jdbc.read(repository.getEntityManager(), """
                        SELECT document_id, title, fiscal_year, CAST(summary AS text) FROM disclosure
                        WHERE visibility = 'PUBLIC' AND latest AND status IN ('PARSED', 'VALIDATED') AND kind = ?
                          AND fiscal_year = ? AND scope = ? AND (name_key = ? OR code_key = ?)
                          AND document_id <> ?
                        ORDER BY document_id LIMIT 1""",
                query -> {
                    query.setString(1, rule.counterpartKind().name());
                    query.setInt(2, subject.fiscalYear() + rule.yearOffset());
                    query.setString(3, subject.scope().name());
                    query.setString(4, nonNull(subject.nameKey()));
                    query.setString(5, nonNull(subject.codeKey()));
                    query.setString(6, subject.documentId());
                },
                row -> new Other(row.getString(1).trim(), row.getString(2), row.getInt(3), row.getString(4)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Stored documents (public or draft) whose rules take this document as the other one, as {@link Subject}s: the
     * columns the checks read, in one query per rule (comparable ones only: status, kind, year, scope and department
     * key are set). Their rows are locked (FOR UPDATE, in documentId order) before their findings are replaced: a
     * transaction storing one of them, or recomputing it as another document's dependant, then waits for this one,
     * and reads its facts and replaces its findings after it (two replacements of the same findings at once both
     * deleted nothing and then inserted the same rows, and one failed on the finding key).
     */
    private List<Subject> dependants(DisclosureEntity document) {
        List<Subject> subjects = new ArrayList<>();
        for (CrossDocumentRules.Rule rule : CrossDocumentRules.Rule.ALL) {
            if (rule.counterpartKind() != document.kind) {
                continue;
            }
            subjects.addAll(Jdbc.query(repository.getEntityManager(), """
                            SELECT document_id, kind, scope, fiscal_year, title, department, budget_unit_code, province,
                                   district, publication_date, visibility, name_key, code_key,
                                   CAST(jsonb_path_query_array(facts, '$[*] ? (@.change.type() == "object")') AS text)
                            FROM disclosure
                            WHERE status IN ('PARSED', 'VALIDATED') AND kind = ? AND fiscal_year = ? AND scope = ?
                              AND (name_key = ? OR code_key = ?) AND document_id <> ?
                              AND department_key IS NOT NULL
                            ORDER BY document_id
                            FOR UPDATE""",
                    query -> {
                        query.setString(1, rule.subjectKind().name());
                        query.setInt(2, document.fiscalYear - rule.yearOffset());
                        query.setString(3, document.scope.name());
                        query.setString(4, nonNull(document.nameKey));
                        query.setString(5, nonNull(document.codeKey));
                        query.setString(6, document.documentId);
                    },
                    c -> new Subject(c.getString(1).trim(), DisclosureKind.valueOf(c.getString(2)),
                            DisclosureScope.valueOf(c.getString(3)), c.getInt(4), c.getString(5), c.getString(6),
                            c.getString(7), c.getString(8), c.getString(9), c.getObject(10, LocalDate.class),
                            Visibility.valueOf(c.getString(11)), c.getString(12), c.getString(13), null,
                            c.getString(14))));
        }
        return subjects;
    }

    private static boolean comparable(DisclosureEntity d) {
        return d != null && d.kind != null && d.fiscalYear != null && d.scope != null && d.departmentKey != null
                && (d.status == io.budgetlens.reporting.store.DisclosureStatus.PARSED
                || d.status == io.budgetlens.reporting.store.DisclosureStatus.VALIDATED);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("Stored JSON does not read back: " + e.getMessage(), e);
        }
    }
}
