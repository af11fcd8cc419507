package io.budgetlens.reporting.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Visibility;

/**
 * The filters of a findings list, parsed once for the API ({@code /api/v1/findings}) and the dashboard
 * ({@code /findings}): severities, rule, category, the disclosure's region, year, kind and scope, one document,
 * latest only, visibility (public unless draft is asked for).
 */
public record FindingFilter(List<Severity> severities, String ruleId, Category category, String region, Integer year,
                            DisclosureKind kind, DisclosureScope scope, String documentId, Boolean latest,
                            Visibility visibility) {

    /** Fields a findings list sorts by, with their SQL. */
    static final Map<String, String> SORTS = Params.fields(
            "severity", "CASE f.severity WHEN 'ERROR' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END",
            "ruleId", "f.rule_id", "category", "f.category", "excess", "f.excess", "fiscalYear", "d.fiscal_year",
            "region", "d.region", "department", "d.department", "receivedAt", "d.received_at");

    /** The ORDER BY of a sort parameter (default: most severe first, then the latest year). */
    public static String orderBy(String sort) {
        return Params.sort(sort, SORTS, "-severity,-fiscalYear", "f.document_id, f.source, f.idx");
    }

    /** Parses the raw query parameters; a bad one throws {@link BadParameterException}. */
    public static FindingFilter parse(String severity, String ruleId, String category, String region, String year,
                                      String kind, String scope, String documentId, String latest,
                                      String visibility) {
        List<Severity> severities = Params.given(severity) ? Arrays.stream(severity.split(","))
                .map(s -> Params.enumValue("severity", s, Severity.class)).toList() : List.of();
        Visibility vis = Params.enumValue("visibility", visibility, Visibility.class);
        return new FindingFilter(severities, Params.ruleId(ruleId),
                Params.enumValue("category", category, Category.class),
                Params.given(region) ? region.trim() : null, Params.year(year),
                Params.enumValue("kind", kind, DisclosureKind.class),
                Params.enumValue("scope", scope, DisclosureScope.class),
                Params.given(documentId) ? Params.documentId(documentId.trim()) : null, Params.bool("latest", latest),
                vis == null ? Visibility.PUBLIC : vis);
    }

    /** The WHERE clause over {@code finding f JOIN disclosure d}. */
    public Where where() {
        Where where = new Where().and("d.visibility = ?", visibility.name());
        where.andIf(!severities.isEmpty(), "f.severity IN (?)", severities.stream().map(Enum::name).toList());
        where.andIf(ruleId != null, "f.rule_id = ?", ruleId);
        where.andIf(category != null, "f.category = ?", category == null ? null : category.name());
        where.andIf(region != null, "d.region = ?", region);
        where.andIf(year != null, "d.fiscal_year = ?", year);
        where.andIf(kind != null, "d.kind = ?", kind == null ? null : kind.name());
        where.andIf(scope != null, "d.scope = ?", scope == null ? null : scope.name());
        where.andIf(documentId != null, "f.document_id = ?", documentId);
        where.andIf(latest != null, "d.latest = ?", latest);
        return where;
    }

    /** The filters that were given, as query parameters in their canonical spelling (for links and forms). */
    public Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        if (!severities.isEmpty()) {
            given.put("severity", severities.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        putIf(given, "category", category);
        putIf(given, "ruleId", ruleId);
        putIf(given, "region", region);
        putIf(given, "year", year);
        putIf(given, "kind", kind);
        putIf(given, "scope", scope);
        putIf(given, "documentId", documentId);
        putIf(given, "latest", latest);
        if (visibility != Visibility.PUBLIC) {
            given.put("visibility", visibility.name());
        }
        return given;
    }

    private static void putIf(Map<String, String> map, String name, Object value) {
        if (value != null) {
            map.put(name, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }
}
