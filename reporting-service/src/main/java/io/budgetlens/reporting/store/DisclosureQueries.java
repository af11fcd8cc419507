package io.budgetlens.reporting.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The read side: lists, findings across documents, summaries and department timelines, as native SQL over the
 * columns the consumers fill. Every query takes a {@link Where} built from validated parameters and an ORDER BY
 * built from a whitelist, so nothing a client sends reaches the SQL text.
 */
@ApplicationScoped
public class DisclosureQueries {

    @Inject
    EntityManager em;

    /** One row of the disclosure list. */
    public record ListItem(String documentId, String status, String visibility, String kind, String scope,
                           Integer fiscalYear, String title, String department, String departmentKey, String region,
                           LocalDate publicationDate, Instant receivedAt, boolean latest, int errors, int warnings,
                           int infos, BigDecimal completeness, BigDecimal expenditureTotal,
                           BigDecimal threePublicTotal, String parserVersion, String rulesetVersion) {
    }

    static final String LIST_COLUMNS = """
            document_id, status, visibility, kind, scope, fiscal_year, title, department, department_key, region,
            publication_date, received_at, latest, error_count + cross_error_count, warning_count + cross_warning_count,
            info_count, completeness, expenditure_total, three_public_total, parser_version, ruleset_version""";

    public List<ListItem> list(Where where, String orderBy, int page, int size) {
        var query = em.createNativeQuery("SELECT " + LIST_COLUMNS + " FROM disclosure" + where.sql()
                + " ORDER BY " + orderBy + " LIMIT " + size + " OFFSET " + ((long) page * size));
        where.bind(query);
        List<ListItem> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new ListItem(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), integer(r[5]), str(r[6]),
                    str(r[7]), str(r[8]), str(r[9]), date(r[10]), instant(r[11]), Boolean.TRUE.equals(r[12]),
                    integer(r[13]), integer(r[14]), integer(r[15]), decimal(r[16]), decimal(r[17]), decimal(r[18]),
                    str(r[19]), str(r[20])));
        }
        return items;
    }

    public long count(String table, Where where) {
        var query = em.createNativeQuery("SELECT count(*) FROM " + table + where.sql());
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** One finding with the disclosure it belongs to. */
    public record FindingRow(String documentId, String source, int index, String ruleId, String severity,
                             String category, String messageZh, String messageEn, String expected, BigDecimal actual,
                             BigDecimal excess, String unit, String evidence, String relatedDocumentId, String kind,
                             String scope, Integer fiscalYear, String department, String region, String title) {
    }

    static final String FINDING_FROM = " FROM finding f JOIN disclosure d ON d.document_id = f.document_id";

    public List<FindingRow> findings(Where where, String orderBy, int page, int size) {
        var query = em.createNativeQuery("""
                SELECT f.document_id, f.source, f.idx, f.rule_id, f.severity, f.category, f.message_zh, f.message_en,
                       CAST(f.expected AS text), f.actual, f.excess, f.unit, CAST(f.evidence AS text),
                       f.related_document_id, d.kind, d.scope, d.fiscal_year, d.department, d.region, d.title"""
                + FINDING_FROM + where.sql() + " ORDER BY " + orderBy + " LIMIT " + size + " OFFSET "
                + ((long) page * size));
        where.bind(query);
        List<FindingRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new FindingRow(str(r[0]), str(r[1]), integer(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]),
                    str(r[7]), str(r[8]), decimal(r[9]), decimal(r[10]), str(r[11]), str(r[12]), str(r[13]),
                    str(r[14]), str(r[15]), integer(r[16]), str(r[17]), str(r[18]), str(r[19])));
        }
        return rows;
    }

    public long countFindings(Where where) {
        var query = em.createNativeQuery("SELECT count(*)" + FINDING_FROM + where.sql());
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Dimensions a summary may group by, with their column. Kind and scope are always grouped on as well. */
    public enum Dimension {
        REGION("region", "region"),
        YEAR("fiscalYear", "fiscal_year"),
        KIND("kind", "kind"),
        SCOPE("scope", "scope"),
        DEPARTMENT("departmentKey", "department_key");

        public final String field;
        public final String column;

        Dimension(String field, String column) {
            this.field = field;
            this.column = column;
        }
    }

    /** Figures a summary adds up, with their SQL. */
    public enum Metric {
        DOCUMENTS("documents", "count(*)"),
        EXPENDITURE_TOTAL("expenditureTotal", "sum(expenditure_total)"),
        INCOME_TOTAL("incomeTotal", "sum(income_total)"),
        THREE_PUBLIC_TOTAL("threePublicTotal", "sum(three_public_total)"),
        THREE_PUBLIC_OVERSEAS("threePublicOverseas", "sum(three_public_overseas)"),
        THREE_PUBLIC_RECEPTION("threePublicReception", "sum(three_public_reception)"),
        THREE_PUBLIC_VEHICLE("threePublicVehicle", "sum(three_public_vehicle)"),
        OPERATING_EXPENSES("operatingExpenses", "sum(operating_expenses)"),
        ERRORS("errors", "sum(error_count + cross_error_count)"),
        WARNINGS("warnings", "sum(warning_count + cross_warning_count)"),
        INFOS("infos", "sum(info_count)"),
        AVERAGE_COMPLETENESS("averageCompleteness", "avg(completeness)");

        public final String field;
        public final String sql;

        Metric(String field, String sql) {
            this.field = field;
            this.sql = sql;
        }
    }

    /** Rows of a summary: each a map of the group's dimensions and the metrics, in a stable key order. */
    public List<Map<String, Object>> summaries(List<Dimension> groupBy, Where where, String orderBy, int page,
                                               int size) {
        return summaries(groupBy, where, orderBy, page, size, null);
    }

    /**
     * As above; {@code totalGroups[0]} receives the number of groups (counted in the same scan with a window
     * function, so a page costs one pass over the rows; -1 when the page is past the end).
     */
    public List<Map<String, Object>> summaries(List<Dimension> groupBy, Where where, String orderBy, int page,
                                               int size, long[] totalGroups) {
        String dims = String.join(", ", groupBy.stream().map(d -> d.column).toList());
        StringBuilder select = new StringBuilder("SELECT ").append(dims);
        for (Metric m : Metric.values()) {
            select.append(", ").append(m.sql).append(" AS ").append(m.name().toLowerCase());
        }
        String departmentName = groupBy.contains(Dimension.DEPARTMENT) ? ", min(department)" : "";
        select.append(", count(*) OVER () AS total_groups");
        var query = em.createNativeQuery(select + departmentName + " FROM disclosure" + where.sql() + " GROUP BY "
                + dims + " ORDER BY " + orderBy + " LIMIT " + size + " OFFSET " + ((long) page * size));
        where.bind(query);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (totalGroups != null) {
            totalGroups[0] = -1;
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            Map<String, Object> out = new LinkedHashMap<>();
            int i = 0;
            for (Dimension d : groupBy) {
                Object v = r[i++];
                out.put(d.field, v instanceof Number n ? (Object) n.intValue() : str(v));
            }
            if (groupBy.contains(Dimension.DEPARTMENT)) {
                out.put("department", r[r.length - 1]);
            }
            if (totalGroups != null) {
                totalGroups[0] = ((Number) r[groupBy.size() + Metric.values().length]).longValue();
            }
            for (Metric m : Metric.values()) {
                Object v = r[i++];
                if (m == Metric.DOCUMENTS || m == Metric.ERRORS || m == Metric.WARNINGS || m == Metric.INFOS) {
                    out.put(m.field, v == null ? 0L : ((Number) v).longValue());
                } else if (m == Metric.AVERAGE_COMPLETENESS) {
                    out.put(m.field, v == null ? null : decimal(v).setScale(4, RoundingMode.HALF_UP));
                } else {
                    out.put(m.field, decimal(v));
                }
            }
            rows.add(out);
        }
        return rows;
    }

    public long countGroups(List<Dimension> groupBy, Where where) {
        String dims = String.join(", ", groupBy.stream().map(d -> d.column).toList());
        var query = em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM disclosure" + where.sql()
                + " GROUP BY " + dims + ") g");
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Every name and code key that belongs to the department a key names (one hop: name ↔ code). */
    public List<String> departmentKeys(String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT name_key, code_key FROM disclosure
                        WHERE department_key = ?1 OR name_key = ?1 OR code_key = ?1""")
                .setParameter(1, key).getResultList();
        List<String> keys = new ArrayList<>();
        for (Object[] r : rows) {
            for (Object k : r) {
                if (k != null && !keys.contains(k.toString())) {
                    keys.add(k.toString());
                }
            }
        }
        return keys;
    }

    static String str(Object o) {
        return o == null ? null : o.toString().trim();
    }

    static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof LocalDate d ? d : o instanceof Date d ? d.toLocalDate() : LocalDate.parse(o.toString());
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(o.toString());
    }
}
