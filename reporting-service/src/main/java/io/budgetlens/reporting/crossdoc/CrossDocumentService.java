package io.budgetlens.reporting.crossdoc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;

import io.budgetlens.events.AnomalyDetected;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Severity;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.budgetlens.reporting.store.DisclosureRepository;

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

    /** Recomputes the findings of this document and its dependants; answers the anomalies to publish. */
    public List<AnomalyDetected> recompute(String documentId) {
        DisclosureEntity document = repository.findById(documentId);
        if (!comparable(document)) {
            return List.of();
        }
        Set<String> affected = new LinkedHashSet<>();
        affected.add(documentId);
        if (document.visibility == Visibility.PUBLIC) {
            affected.addAll(dependants(document));
        }
        List<AnomalyDetected> anomalies = new ArrayList<>();
        for (String id : affected) {
            anomalies.addAll(recomputeOne(repository.findById(id)));
        }
        return anomalies;
    }

    private List<AnomalyDetected> recomputeOne(DisclosureEntity subject) {
        if (!comparable(subject)) {
            return List.of();
        }
        List<Fact> facts = read(subject.facts, FACTS);
        List<Finding> findings = new ArrayList<>();
        for (CrossDocumentRules.Rule rule : CrossDocumentRules.Rule.forSubject(subject.kind)) {
            Other other = counterpart(subject, rule);
            if (other == null) {
                continue;
            }
            var counterpart = new CrossDocumentRules.Counterpart(other.documentId(), other.title(), other.fiscalYear(),
                    read(other.summary(), SUMMARY));
            findings.addAll(CrossDocumentRules.check(rule, facts, counterpart));
        }
        repository.replaceFindings(subject.documentId, DisclosureRepository.SOURCE_CROSS_DOCUMENT, findings);
        subject.crossErrorCount = (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        subject.crossWarningCount = (int) findings.stream().filter(f -> f.severity() == Severity.WARNING).count();

        List<AnomalyDetected> anomalies = new ArrayList<>();
        DisclosureMeta meta = new DisclosureMeta(subject.kind, subject.scope, subject.fiscalYear, subject.title,
                subject.department, subject.budgetUnitCode, subject.province, subject.district,
                subject.publicationDate, null, null, null);
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).severity().isAnomaly()) {
                anomalies.add(new AnomalyDetected(subject.documentId, CrossDocumentRules.RULESET_VERSION, i,
                        Instant.now(), subject.visibility, meta, findings.get(i)));
            }
        }
        return anomalies;
    }

    /** What a rule needs of the other document: not its text and tables (the row's large columns stay unread). */
    private record Other(String documentId, String title, Integer fiscalYear, String summary) {
    }

    /*
     * The two look-ups below are plain SQL with scalar parameters: as HQL with a list parameter (status IN (?2))
     * Hibernate interpreted the query anew at every call, which the profile showed as a tenth of the consumer's time.
     */

    private Other counterpart(DisclosureEntity subject, CrossDocumentRules.Rule rule) {
        List<?> rows = repository.getEntityManager().createNativeQuery("""
                        SELECT document_id, title, fiscal_year, CAST(summary AS text) FROM disclosure
                        WHERE visibility = 'PUBLIC' AND latest AND status IN ('PARSED', 'VALIDATED') AND kind = ?1
                          AND fiscal_year = ?2 AND scope = ?3 AND (name_key = ?4 OR code_key = ?5)
                          AND document_id <> ?6
                        ORDER BY document_id LIMIT 1""")
                .setParameter(1, rule.counterpartKind().name()).setParameter(2, subject.fiscalYear + rule.yearOffset())
                .setParameter(3, subject.scope.name()).setParameter(4, nonNull(subject.nameKey))
                .setParameter(5, nonNull(subject.codeKey)).setParameter(6, subject.documentId)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Other(((String) row[0]).trim(), (String) row[1], ((Number) row[2]).intValue(), (String) row[3]);
    }

    /** Stored documents (public or draft) whose rules take this document as the other one: their ids only. */
    private List<String> dependants(DisclosureEntity document) {
        List<String> ids = new ArrayList<>();
        for (CrossDocumentRules.Rule rule : CrossDocumentRules.Rule.ALL) {
            if (rule.counterpartKind() != document.kind) {
                continue;
            }
            for (Object id : repository.getEntityManager().createNativeQuery("""
                            SELECT document_id FROM disclosure
                            WHERE status IN ('PARSED', 'VALIDATED') AND kind = ?1 AND fiscal_year = ?2 AND scope = ?3
                              AND (name_key = ?4 OR code_key = ?5) AND document_id <> ?6""")
                    .setParameter(1, rule.subjectKind().name()).setParameter(2, document.fiscalYear - rule.yearOffset())
                    .setParameter(3, document.scope.name()).setParameter(4, nonNull(document.nameKey))
                    .setParameter(5, nonNull(document.codeKey)).setParameter(6, document.documentId)
                    .getResultList()) {
                ids.add(((String) id).trim());
            }
        }
        return ids;
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
