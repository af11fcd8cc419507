package io.budgetlens.reporting.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.qute.TemplateData;

/** The overview's counts and lists (public disclosures only). */
@ApplicationScoped
public class DashboardQueries {

    @Inject
    EntityManager em;

    @TemplateData
    public record Count(String a, String b, long count) {
    }

    @TemplateData
    public record Anomaly(String documentId, String anchor, String severity, String ruleId, String messageZh,
                          String messageEn, String department, Integer fiscalYear, String kind, String region) {
    }

    @TemplateData
    public record Ranked(String documentId, String label, long errors, long warnings) {
    }

    public List<Count> statusCounts() {
        return counts("SELECT status, '', count(*) FROM disclosure WHERE visibility = 'PUBLIC' GROUP BY status ORDER BY 3 DESC");
    }

    public List<Count> kindYearCounts() {
        return counts("""
                SELECT kind, CAST(fiscal_year AS text), count(*) FROM disclosure
                WHERE visibility = 'PUBLIC' AND kind IS NOT NULL GROUP BY kind, fiscal_year
                ORDER BY fiscal_year DESC, kind""");
    }

    public List<Count> findingCounts() {
        return counts("""
                SELECT f.severity, f.category, count(*) FROM finding f JOIN disclosure d ON d.document_id = f.document_id
                WHERE d.visibility = 'PUBLIC' GROUP BY f.severity, f.category
                ORDER BY CASE f.severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, 3 DESC""");
    }

    public List<Anomaly> latestAnomalies(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT f.document_id, f.source, f.idx, f.severity, f.rule_id, f.message_zh, f.message_en,
                               d.department, d.fiscal_year, d.kind, d.region
                        FROM finding f JOIN disclosure d ON d.document_id = f.document_id
                        WHERE d.visibility = 'PUBLIC' AND f.severity IN ('ERROR', 'WARNING')
                        ORDER BY coalesce(d.validated_at, d.parsed_at) DESC NULLS LAST, f.document_id,
                                 CASE f.severity WHEN 'ERROR' THEN 0 ELSE 1 END, f.source DESC, f.idx
                        LIMIT ?1""").setParameter(1, limit).getResultList();
        List<Anomaly> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Anomaly(r[0].toString().trim(), DisclosurePage.anchor(r[1].toString(), ((Number) r[2]).intValue()),
                    (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                    r[8] == null ? null : ((Number) r[8]).intValue(), (String) r[9], (String) r[10]));
        }
        return out;
    }

    public List<Ranked> mostFindings(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT document_id, coalesce(region, '') || ' ' || coalesce(department, '') || ' '
                                   || coalesce(CAST(fiscal_year AS text), ''),
                               error_count + cross_error_count, warning_count + cross_warning_count
                        FROM disclosure WHERE visibility = 'PUBLIC'
                          AND error_count + cross_error_count + warning_count + cross_warning_count > 0
                        ORDER BY 3 DESC, 4 DESC, document_id LIMIT ?1""").setParameter(1, limit).getResultList();
        List<Ranked> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Ranked(r[0].toString().trim(), r[1].toString().trim(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()));
        }
        return out;
    }

    /** “三公” totals of the latest public 部门 disclosures per region, kind and year. */
    public List<Object[]> threePublicByRegion() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT region, kind, fiscal_year, sum(three_public_total) FROM disclosure
                WHERE visibility = 'PUBLIC' AND latest = true AND scope = 'DEPARTMENT' AND region IS NOT NULL
                  AND three_public_total IS NOT NULL
                GROUP BY region, kind, fiscal_year ORDER BY region, fiscal_year, kind""").getResultList();
        return rows;
    }

    private List<Count> counts(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        List<Count> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Count(r[0] == null ? "" : r[0].toString(), r[1] == null ? "" : r[1].toString(),
                    ((Number) r[2]).longValue()));
        }
        return out;
    }

    static BigDecimal decimal(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
