package io.budgetlens.reporting.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.budgetlens.reporting.query.DisclosureQueries.Dimension;
import io.budgetlens.reporting.query.DisclosureQueries.Metric;

/**
 * The summary rows per department key, kind and scope that migration V6 keeps (table {@code department_summary}):
 * a trigger on {@code disclosure} marks the department of every counted row written, changed or deleted as stale;
 * {@link #refresh()} recomputes the stale departments with the summaries' own aggregates, and a read answers any
 * department still stale from {@code disclosure} ({@link DisclosureQueries#departmentSummaries}).
 */
@ApplicationScoped
public class DepartmentSummaries {

    /** The disclosures a summary counts: public, the latest of their identity, parsed (the V6 trigger's condition). */
    public static final String COUNTED =
            "visibility = 'PUBLIC' AND latest = true AND status IN ('PARSED', 'VALIDATED')";

    /** More stale departments than this and a refresh recomputes every group in one scan. */
    static final int REBUILD_ABOVE = 2_000;

    /** The advisory lock one refresh at a time holds (two would both insert a department's new rows). */
    private static final long REFRESH_LOCK = 0x42_4c_44_53_55_4dL; // "BLDSUM"

    @Inject
    EntityManager em;

    /**
     * Whether a summary grouped by these dimensions, filtered on nothing but kind and scope, reads the kept rows:
     * department, kind and scope (kind and scope are always grouped on).
     */
    public static boolean answers(List<Dimension> groupBy, boolean filteredBeyondKindAndScope) {
        return !filteredBeyondKindAndScope && groupBy.contains(Dimension.DEPARTMENT)
                && groupBy.stream().allMatch(d -> d == Dimension.DEPARTMENT || d == Dimension.KIND
                || d == Dimension.SCOPE);
    }

    /**
     * The groups of the counted disclosures that also meet {@code condition}, as the kept rows' columns: department
     * key, kind, scope, name shown, then every metric with its summary SQL and alias.
     */
    static String groups(String condition) {
        StringBuilder sql = new StringBuilder("SELECT department_key, kind, scope, min(department) AS department_name");
        for (Metric m : Metric.values()) {
            sql.append(", ").append(m.sql).append(" AS ").append(m.alias());
        }
        return sql.append(" FROM disclosure WHERE ").append(COUNTED).append(" AND ").append(condition)
                .append(" GROUP BY department_key, kind, scope").toString();
    }

    /** The kept rows' columns, in the order {@link #groups} selects them. */
    static String columns() {
        StringBuilder sql = new StringBuilder("department_key, kind, scope, department_name");
        for (Metric m : Metric.values()) {
            sql.append(", ").append(m.alias());
        }
        return sql.toString();
    }

    /** Refreshes the kept rows when some department is stale; costs one cheap look-up when none is. */
    public void refreshIfStale() {
        Object any = em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM department_summary_stale)", Boolean.class)
                .getSingleResult();
        if (Boolean.TRUE.equals(any)) {
            refresh();
        }
    }

    /**
     * Takes every stale mark visible now and recomputes those departments' rows from {@code disclosure}. The marks
     * are taken before the rows are recomputed, so a change committed in between is in the new rows or still
     * marked; a change not yet committed leaves its mark for a later refresh.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refresh() {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) l", Integer.class)
                .setParameter(1, REFRESH_LOCK).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> marked = em.createNativeQuery("DELETE FROM department_summary_stale RETURNING department_key",
                String.class).getResultList();
        if (marked.isEmpty()) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>(marked);
        String insert = "INSERT INTO department_summary (" + columns() + ") ";
        if (keys.size() > REBUILD_ABOVE) {
            em.createNativeQuery("DELETE FROM department_summary").executeUpdate();
            em.createNativeQuery(insert + groups("true")).executeUpdate();
            return;
        }
        if (keys.remove(null)) {
            em.createNativeQuery("DELETE FROM department_summary WHERE department_key IS NULL").executeUpdate();
            em.createNativeQuery(insert + groups("department_key IS NULL")).executeUpdate();
        }
        if (!keys.isEmpty()) {
            List<String> named = new ArrayList<>(keys);
            em.createNativeQuery("DELETE FROM department_summary WHERE department_key IN (?1)")
                    .setParameter(1, named).executeUpdate();
            em.createNativeQuery(insert + groups("department_key IN (?1)")).setParameter(1, named).executeUpdate();
        }
    }
}
