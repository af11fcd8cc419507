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
            DisclosureEntity other = counterpart(subject, rule);
            if (other == null) {
                continue;
            }
            var counterpart = new CrossDocumentRules.Counterpart(other.documentId, other.title, other.fiscalYear,
                    read(other.summary, SUMMARY));
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

    private DisclosureEntity counterpart(DisclosureEntity subject, CrossDocumentRules.Rule rule) {
        return repository.find("""
                        visibility = ?1 AND latest = true AND status IN (?2) AND kind = ?3 AND fiscalYear = ?4
                        AND scope = ?5 AND (nameKey = ?6 OR codeKey = ?7) AND documentId <> ?8
                        ORDER BY documentId""",
                Visibility.PUBLIC, List.of(io.budgetlens.reporting.store.DisclosureStatus.PARSED,
                        io.budgetlens.reporting.store.DisclosureStatus.VALIDATED),
                rule.counterpartKind, subject.fiscalYear + rule.yearOffset, subject.scope,
                nonNull(subject.nameKey), nonNull(subject.codeKey), subject.documentId).firstResult();
    }

    /** Stored documents (public or draft) whose rules take this document as the other one. */
    private List<String> dependants(DisclosureEntity document) {
        List<String> ids = new ArrayList<>();
        for (CrossDocumentRules.Rule rule : CrossDocumentRules.Rule.values()) {
            if (rule.counterpartKind != document.kind) {
                continue;
            }
            List<DisclosureEntity> found = repository.find("""
                            status IN (?1) AND kind = ?2 AND fiscalYear = ?3 AND scope = ?4
                            AND (nameKey = ?5 OR codeKey = ?6) AND documentId <> ?7""",
                    List.of(io.budgetlens.reporting.store.DisclosureStatus.PARSED,
                            io.budgetlens.reporting.store.DisclosureStatus.VALIDATED),
                    rule.subjectKind, document.fiscalYear - rule.yearOffset, document.scope,
                    nonNull(document.nameKey), nonNull(document.codeKey), document.documentId).list();
            found.forEach(d -> ids.add(d.documentId));
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
