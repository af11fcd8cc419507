package io.budgetlens.reporting.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.budgetlens.events.Visibility;
import io.quarkus.qute.TemplateData;

/**
 * The read model: every query the API ({@code api/}) and the dashboard ({@code web/}) answer from, as native SQL
 * over the columns the consumers fill, in this one class. Rows come back as records that Hibernate instantiates
 * (each SELECT lists its columns in the order of the record's components, aliased with their names); nothing reads a
 * row by position. Every query takes a {@link Where} built from checked parameters ({@link Params},
 * {@link FindingFilter}) and an ORDER BY built from a whitelist, so nothing a client sends reaches the SQL text.
 */
@ApplicationScoped
public class DisclosureQueries {

    /** The most findings one list shows: a document's findings, a department's cross-document findings. */
    public static final int MAX_FINDINGS = 10_000;

    @Inject
    EntityManager em;

    /** One row of the disclosure list. */
    public record ListItem(String documentId, String status, String visibility, String kind, String scope,
                           Integer fiscalYear, String title, String department, String departmentKey, String region,
                           LocalDate publicationDate, Instant receivedAt, boolean latest, int errors, int warnings,
                           int infos, BigDecimal completeness, BigDecimal expenditureTotal,
                           BigDecimal threePublicTotal, String parserVersion, String rulesetVersion) {
    }

    private static final String LIST_COLUMNS = """
            document_id AS documentId, status, visibility, kind, scope, fiscal_year AS fiscalYear, title, department,
            department_key AS departmentKey, region, publication_date AS publicationDate, received_at AS receivedAt,
            latest, error_count + cross_error_count AS errors, warning_count + cross_warning_count AS warnings,
            info_count AS infos, completeness, expenditure_total AS expenditureTotal,
            three_public_total AS threePublicTotal, parser_version AS parserVersion,
            ruleset_version AS rulesetVersion""";

    public List<ListItem> list(Where where, String orderBy, int page, int size) {
        return rows(ListItem.class, "SELECT " + LIST_COLUMNS + " FROM disclosure" + where.sql() + " ORDER BY "
                + orderBy + limit(page, size), where);
    }

    /** Every row of a list, up to {@code max}, from a database cursor (inside a transaction): for CSV exports. */
    public void eachListItem(Where where, String orderBy, int max, Consumer<ListItem> sink) {
        each(ListItem.class, "SELECT " + LIST_COLUMNS + " FROM disclosure" + where.sql() + " ORDER BY " + orderBy
                + limit(0, max), where, sink);
    }

    public long countDisclosures(Where where) {
        return count("SELECT count(*) FROM disclosure" + where.sql(), where);
    }

    /** One finding with the disclosure it belongs to. */
    @TemplateData
    public record FindingRow(String documentId, String source, int index, String ruleId, String severity,
                             String category, String messageZh, String messageEn, String expected, BigDecimal actual,
                             BigDecimal excess, String unit, String evidence, String relatedDocumentId, String kind,
                             String scope, Integer fiscalYear, String department, String region, String title) {

        /** The anchor of a finding on its disclosure's page: f-V-3 (validation report, position 3), f-X-0 (cross). */
        public static String anchor(String source, int index) {
            return "f-" + (source.startsWith("CROSS") ? "X" : "V") + "-" + index;
        }

        public String anchor() {
            return anchor(source, index);
        }
    }

    private static final String FINDING_FROM = " FROM finding f JOIN disclosure d ON d.document_id = f.document_id";

    private static final String FINDINGS_SELECT = """
            SELECT f.document_id AS documentId, f.source, f.idx AS index, f.rule_id AS ruleId, f.severity,
                   f.category, f.message_zh AS messageZh, f.message_en AS messageEn,
                   CAST(f.expected AS text) AS expected, f.actual, f.excess, f.unit,
                   CAST(f.evidence AS text) AS evidence, f.related_document_id AS relatedDocumentId, d.kind,
                   d.scope, d.fiscal_year AS fiscalYear, d.department, d.region, d.title""";

    public List<FindingRow> findings(Where where, String orderBy, int page, int size) {
        return rows(FindingRow.class, FINDINGS_SELECT + FINDING_FROM + where.sql() + " ORDER BY " + orderBy
                + limit(page, size), where);
    }

    /** Every finding of a list, up to {@code max}, from a database cursor (inside a transaction): for CSV exports. */
    public void eachFinding(Where where, String orderBy, int max, Consumer<FindingRow> sink) {
        each(FindingRow.class, FINDINGS_SELECT + FINDING_FROM + where.sql() + " ORDER BY " + orderBy + limit(0, max),
                where, sink);
    }

    public long countFindings(Where where) {
        return count("SELECT count(*)" + FINDING_FROM + where.sql(), where);
    }

    /** Every finding of one document: the validation report's in report order, then the cross-document ones. */
    public List<FindingRow> findingsOf(String documentId) {
        return findings(new Where().and("f.document_id = ?", documentId), "f.source DESC, f.idx", 0, MAX_FINDINGS);
    }

    /** Every name and code key that belongs to the department a key names (one hop: name ↔ code). */
    public List<String> departmentKeys(String key) {
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery("""
                        SELECT k FROM (
                            SELECT name_key AS k FROM disclosure
                            WHERE department_key = ?1 OR name_key = ?1 OR code_key = ?1
                            UNION
                            SELECT code_key FROM disclosure
                            WHERE department_key = ?1 OR name_key = ?1 OR code_key = ?1) keys
                        WHERE k IS NOT NULL ORDER BY k""", String.class)
                .setParameter(1, key).getResultList();
        return keys;
    }

    /** One disclosure of a department's timeline with its figures (万元) and finding counts. */
    @TemplateData
    public record TimelineEntry(String documentId, Integer fiscalYear, String kind, String scope, String title,
                                LocalDate publicationDate, boolean latest, String status,
                                BigDecimal expenditureTotal, BigDecimal incomeTotal, BigDecimal threePublicTotal,
                                BigDecimal threePublicOverseas, BigDecimal threePublicReception,
                                BigDecimal threePublicVehicle, BigDecimal operatingExpenses, int errors,
                                int warnings, BigDecimal completeness,
                                /* listed once per timeline, in {@link Timeline#names()} */
                                @JsonIgnore String department) {
    }

    /**
     * One department across years and kinds: the names it went by, its name and code keys, its disclosures in year
     * order (budget before final account, 部门 before 本级) and the cross-document findings about them.
     */
    public record Timeline(List<String> names, List<String> keys, List<TimelineEntry> disclosures,
                           List<FindingRow> crossDocumentFindings) {
    }

    /**
     * The timeline of the department a key names, with the given visibility (and, when given, only the drafts of
     * {@code owner}); empty when no disclosure has the key.
     */
    public Optional<Timeline> timeline(String key, Visibility visibility, String owner) {
        List<String> keys = departmentKeys(key);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Where where = new Where().and("visibility = ?", visibility.name())
                .and("(name_key IN (?) OR code_key IN (?))", keys, keys).and("fiscal_year IS NOT NULL")
                .andIf(owner != null, "owner = ?", owner);
        List<TimelineEntry> entries = rows(TimelineEntry.class, """
                SELECT document_id AS documentId, fiscal_year AS fiscalYear, kind, scope, title,
                       publication_date AS publicationDate, latest, status, expenditure_total AS expenditureTotal,
                       income_total AS incomeTotal, three_public_total AS threePublicTotal,
                       three_public_overseas AS threePublicOverseas, three_public_reception AS threePublicReception,
                       three_public_vehicle AS threePublicVehicle, operating_expenses AS operatingExpenses,
                       error_count + cross_error_count AS errors, warning_count + cross_warning_count AS warnings,
                       completeness, department
                FROM disclosure""" + where.sql()
                + " ORDER BY fiscal_year, kind, scope, publication_date, received_at, document_id", where);
        Set<String> names = new LinkedHashSet<>();
        entries.stream().map(TimelineEntry::department).filter(n -> n != null).forEach(names::add);
        List<FindingRow> cross = entries.isEmpty() ? List.of() : findings(new Where()
                        .and("f.source = 'CROSS_DOCUMENT'")
                        .and("f.document_id IN (?)", entries.stream().map(TimelineEntry::documentId).toList()),
                "d.fiscal_year, f.document_id, f.idx", 0, MAX_FINDINGS);
        return Optional.of(new Timeline(List.copyOf(names), keys, entries, cross));
    }

    /** One group of a summary: its dimensions (null where not grouped on), the metrics and the number of groups. */
    public record SummaryRow(String region, Integer fiscalYear, String kind, String scope, String departmentKey,
                             String department, long documents, BigDecimal expenditureTotal, BigDecimal incomeTotal,
                             BigDecimal threePublicTotal, BigDecimal threePublicOverseas,
                             BigDecimal threePublicReception, BigDecimal threePublicVehicle,
                             BigDecimal operatingExpenses, Long errors, Long warnings, Long infos,
                             BigDecimal averageCompleteness, long totalGroups) {

        /** The group as the API shows it: the grouped dimensions, the department's name, then every metric. */
        public Map<String, Object> toMap(List<Dimension> groupBy) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Dimension d : groupBy) {
                out.put(d.field, d.value.apply(this));
            }
            if (groupBy.contains(Dimension.DEPARTMENT)) {
                out.put("department", department);
            }
            for (Metric m : Metric.values()) {
                out.put(m.field, m.value.apply(this));
            }
            return out;
        }
    }

    /** Dimensions a summary may group by, with their column. Kind and scope are always grouped on as well. */
    public enum Dimension {
        REGION("region", "region", "text", SummaryRow::region),
        YEAR("fiscalYear", "fiscal_year", "integer", SummaryRow::fiscalYear),
        KIND("kind", "kind", "text", SummaryRow::kind),
        SCOPE("scope", "scope", "text", SummaryRow::scope),
        DEPARTMENT("departmentKey", "department_key", "text", SummaryRow::departmentKey);

        public final String field;
        public final String column;
        private final String sqlType;
        private final Function<SummaryRow, Object> value;

        Dimension(String field, String column, String sqlType, Function<SummaryRow, Object> value) {
            this.field = field;
            this.column = column;
            this.sqlType = sqlType;
            this.value = value;
        }
    }

    /** Figures a summary adds up, with their SQL; the column alias is the name in lower case. */
    public enum Metric {
        DOCUMENTS("documents", "count(*)", SummaryRow::documents),
        EXPENDITURE_TOTAL("expenditureTotal", "sum(expenditure_total)", SummaryRow::expenditureTotal),
        INCOME_TOTAL("incomeTotal", "sum(income_total)", SummaryRow::incomeTotal),
        THREE_PUBLIC_TOTAL("threePublicTotal", "sum(three_public_total)", SummaryRow::threePublicTotal),
        THREE_PUBLIC_OVERSEAS("threePublicOverseas", "sum(three_public_overseas)", SummaryRow::threePublicOverseas),
        THREE_PUBLIC_RECEPTION("threePublicReception", "sum(three_public_reception)",
                SummaryRow::threePublicReception),
        THREE_PUBLIC_VEHICLE("threePublicVehicle", "sum(three_public_vehicle)", SummaryRow::threePublicVehicle),
        OPERATING_EXPENSES("operatingExpenses", "sum(operating_expenses)", SummaryRow::operatingExpenses),
        ERRORS("errors", "sum(error_count + cross_error_count)", r -> zeroIfNull(r.errors())),
        WARNINGS("warnings", "sum(warning_count + cross_warning_count)", r -> zeroIfNull(r.warnings())),
        INFOS("infos", "sum(info_count)", r -> zeroIfNull(r.infos())),
        AVERAGE_COMPLETENESS("averageCompleteness", "avg(completeness)", r -> r.averageCompleteness() == null ? null
                : r.averageCompleteness().setScale(4, RoundingMode.HALF_UP));

        public final String field;
        public final String sql;
        private final Function<SummaryRow, Object> value;

        Metric(String field, String sql, Function<SummaryRow, Object> value) {
            this.field = field;
            this.sql = sql;
            this.value = value;
        }

        /** The column alias, which ORDER BY uses. */
        public String alias() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        private static long zeroIfNull(Long value) {
            return value == null ? 0L : value;
        }
    }

    /** One page of groups and how many groups there are in all. */
    public record SummaryPage(List<SummaryRow> rows, long totalGroups) {
    }

    /**
     * Groups of a summary. The number of groups is counted in the same scan with a window function, so a page costs
     * one pass over the rows (a second query only for a page past the end).
     */
    public SummaryPage summaries(List<Dimension> groupBy, Where where, String orderBy, int page, int size) {
        StringBuilder select = new StringBuilder("SELECT ");
        for (Dimension d : Dimension.values()) {
            select.append(groupBy.contains(d) ? d.column : "CAST(NULL AS " + d.sqlType + ")").append(" AS ")
                    .append(d.column).append(", ");
        }
        select.append(groupBy.contains(Dimension.DEPARTMENT) ? "min(department)" : "CAST(NULL AS text)")
                .append(" AS department_name");
        for (Metric m : Metric.values()) {
            select.append(", ").append(m.sql).append(" AS ").append(m.alias());
        }
        select.append(", count(*) OVER () AS total_groups");
        String dims = String.join(", ", groupBy.stream().map(d -> d.column).toList());
        List<SummaryRow> rows = rows(SummaryRow.class, select + " FROM disclosure" + where.sql() + " GROUP BY " + dims
                + " ORDER BY " + orderBy + limit(page, size), where);
        long total = rows.isEmpty() ? count("SELECT count(*) FROM (SELECT 1 FROM disclosure" + where.sql()
                + " GROUP BY " + dims + ") g", where) : rows.get(0).totalGroups();
        return new SummaryPage(rows, total);
    }

    /**
     * Groups by department, kind and scope (filtered on kind and scope at most: {@link DepartmentSummaries#answers})
     * from the rows V6 keeps instead of every counted disclosure: the same rows {@link #summaries} returns, in the
     * same order. A department still marked stale (not refreshed since it changed: {@link
     * DepartmentSummaries#refreshIfStale} first) is computed from {@code disclosure} in the same statement, so the
     * answer is always the aggregate of the rows its snapshot sees. The
     * page is the top of the groups and the total a count of them (no window over all groups, which would buffer
     * every group to disk past {@code work_mem}).
     */
    public SummaryPage departmentSummaries(Where filters, String orderBy, int page, int size) {
        String groups = "WITH stale AS MATERIALIZED (SELECT DISTINCT department_key FROM department_summary_stale),"
                + " g AS NOT MATERIALIZED (SELECT * FROM (SELECT " + DepartmentSummaries.columns()
                + " FROM department_summary s"
                + " WHERE NOT EXISTS (SELECT 1 FROM stale WHERE stale.department_key = s.department_key)"
                + " AND (s.department_key IS NOT NULL"
                + " OR NOT EXISTS (SELECT 1 FROM stale WHERE stale.department_key IS NULL))"
                + " UNION ALL " + DepartmentSummaries.groups("department_key IN (SELECT department_key FROM stale)")
                + " UNION ALL " + DepartmentSummaries.groups(
                        "department_key IS NULL AND EXISTS (SELECT 1 FROM stale WHERE department_key IS NULL)")
                + ") kept" + filters.sql() + ") ";
        StringBuilder top = new StringBuilder("SELECT CAST(NULL AS text) AS region, CAST(NULL AS integer) AS"
                + " fiscal_year, kind, scope, department_key, department_name");
        for (Metric m : Metric.values()) {
            top.append(", ").append(m.alias());
        }
        top.append(" FROM g ORDER BY ").append(orderBy).append(limit(page, size));
        List<SummaryRow> rows = rows(SummaryRow.class, groups + "SELECT paged.*,"
                + " (SELECT count(*) FROM g) AS total_groups FROM (" + top + ") paged ORDER BY " + orderBy, filters);
        long total = rows.isEmpty() ? count(groups + "SELECT count(*) FROM g", filters) : rows.get(0).totalGroups();
        return new SummaryPage(rows, total);
    }

    // The dashboard's overview (public disclosures only)

    /** A count by one or two values (status; kind and year; severity and category). */
    @TemplateData
    public record Count(String a, String b, long count) {
    }

    /** A recent WARNING or ERROR finding with the disclosure it belongs to. */
    @TemplateData
    public record Anomaly(String documentId, String source, int index, String severity, String ruleId,
                          String messageZh, String messageEn, String department, Integer fiscalYear, String kind,
                          String region) {

        public String anchor() {
            return FindingRow.anchor(source, index);
        }
    }

    /** A disclosure with its error and warning counts, labelled for a chart. */
    @TemplateData
    public record Ranked(String documentId, String label, long errors, long warnings) {
    }

    /** “三公” total of one region, kind and year. */
    public record RegionTotal(String region, String kind, Integer fiscalYear, BigDecimal threePublicTotal) {
    }

    public List<Count> statusCounts() {
        return rows(Count.class, """
                SELECT status AS a, '' AS b, count(*) AS count FROM disclosure WHERE visibility = 'PUBLIC'
                GROUP BY status ORDER BY 3 DESC""", new Where());
    }

    public List<Count> kindYearCounts() {
        return rows(Count.class, """
                SELECT kind AS a, coalesce(CAST(fiscal_year AS text), '') AS b, count(*) AS count FROM disclosure
                WHERE visibility = 'PUBLIC' AND kind IS NOT NULL GROUP BY kind, fiscal_year
                ORDER BY fiscal_year DESC, kind""", new Where());
    }

    public List<Count> findingCounts() {
        return rows(Count.class, "SELECT f.severity AS a, f.category AS b, count(*) AS count" + FINDING_FROM
                + " WHERE d.visibility = 'PUBLIC' GROUP BY f.severity, f.category"
                + " ORDER BY CASE f.severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, 3 DESC", new Where());
    }

    public List<Anomaly> latestAnomalies(int limit) {
        return rows(Anomaly.class, """
                SELECT f.document_id AS documentId, f.source, f.idx AS index, f.severity, f.rule_id AS ruleId,
                       f.message_zh AS messageZh, f.message_en AS messageEn, d.department,
                       d.fiscal_year AS fiscalYear, d.kind, d.region"""
                + FINDING_FROM + " WHERE d.visibility = 'PUBLIC' AND f.severity IN ('ERROR', 'WARNING')"
                + " ORDER BY coalesce(d.validated_at, d.parsed_at) DESC NULLS LAST, f.document_id,"
                + " CASE f.severity WHEN 'ERROR' THEN 0 ELSE 1 END, f.source DESC, f.idx" + limit(0, limit), new Where());
    }

    public List<Ranked> mostFindings(int limit) {
        return rows(Ranked.class, """
                SELECT document_id AS documentId,
                       trim(coalesce(region, '') || ' ' || coalesce(department, '') || ' '
                            || coalesce(CAST(fiscal_year AS text), '')) AS label,
                       CAST(error_count + cross_error_count AS bigint) AS errors,
                       CAST(warning_count + cross_warning_count AS bigint) AS warnings
                FROM disclosure WHERE visibility = 'PUBLIC'
                  AND error_count + cross_error_count + warning_count + cross_warning_count > 0
                ORDER BY 3 DESC, 4 DESC, document_id""" + limit(0, limit), new Where());
    }

    /** “三公” totals of the latest public 部门 disclosures per region, kind and year. */
    public List<RegionTotal> threePublicByRegion() {
        return rows(RegionTotal.class, """
                SELECT region, kind, fiscal_year AS fiscalYear, sum(three_public_total) AS threePublicTotal
                FROM disclosure
                WHERE visibility = 'PUBLIC' AND latest = true AND scope = 'DEPARTMENT' AND region IS NOT NULL
                  AND three_public_total IS NOT NULL
                GROUP BY region, kind, fiscal_year ORDER BY region, fiscal_year, kind""", new Where());
    }

    /** Runs a native query whose select list matches the record's components; Hibernate builds each record. */
    private <T> List<T> rows(Class<T> type, String sql, Where where) {
        var query = em.createNativeQuery(sql, type);
        where.bind(query);
        @SuppressWarnings("unchecked")
        List<T> rows = query.getResultList();
        return rows;
    }

    /** Rows read 500 at a time from a server-side cursor (PostgreSQL streams only inside a transaction). */
    private <T> void each(Class<T> type, String sql, Where where, Consumer<T> sink) {
        var query = em.createNativeQuery(sql, type);
        where.bind(query);
        query.setHint("org.hibernate.fetchSize", 500);
        query.setHint("org.hibernate.readOnly", true);
        @SuppressWarnings("unchecked")
        Stream<T> rows = query.getResultStream();
        try (rows) {
            rows.forEach(sink);
        }
    }

    private long count(String sql, Where where) {
        var query = em.createNativeQuery(sql, Long.class);
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String limit(int page, int size) {
        return " LIMIT " + size + " OFFSET " + ((long) page * size);
    }


    /** One revision of a document: when it was received and its files (JSON). */
    public record Revision(Integer revision, Instant receivedAt, String parts) {
    }

    /** The revisions of a document, oldest first. */
    public List<Revision> revisions(String documentId) {
        Where where = new Where().and("document_id = ?", documentId);
        return rows(Revision.class, "SELECT revision, received_at AS receivedAt, CAST(parts AS text) AS parts"
                + " FROM disclosure_revision" + where.sql() + " ORDER BY revision", where);
    }
}
