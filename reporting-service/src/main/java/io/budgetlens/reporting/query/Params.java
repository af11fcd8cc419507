package io.budgetlens.reporting.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.DocumentIds;

/**
 * Query parameters of the API and the dashboard, checked in one place: every bad value throws a
 * {@link BadParameterException} saying which parameter, what was given and what is allowed. Values are
 * case-insensitive; empty means "not given".
 */
public final class Params {

    public static final int MAX_PAGE_SIZE = 500;
    /** CSV exports are not paged; they stop at this many rows. */
    public static final int MAX_CSV_ROWS = 100_000;
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;

    private Params() {
    }

    public static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (!given(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new BadParameterException(name, value, allowed,
                    name + " must be one of " + allowed + "; got '" + value + "'");
        }
    }

    /** A fiscal year between {@value #FIRST_YEAR} and {@value #LAST_YEAR}. */
    public static Integer year(String value) {
        if (!given(value)) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new NumberFormatException();
            }
            return year;
        } catch (NumberFormatException e) {
            throw new BadParameterException("year", value, FIRST_YEAR + "–" + LAST_YEAR,
                    "year must be a fiscal year such as 2024; got '" + value + "'");
        }
    }

    /** A whole number (page, size). */
    public static int wholeNumber(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, value, "a whole number",
                    name + " must be a whole number; got '" + value + "'");
        }
    }

    public static Boolean bool(String name, String value) {
        if (!given(value)) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadParameterException(name, value, "true, false",
                    name + " must be true or false; got '" + value + "'");
        };
    }

    /** A rule id such as CHG-001 or XDOC-001, upper-cased. */
    public static String ruleId(String value) {
        if (!given(value)) {
            return null;
        }
        String id = value.trim().toUpperCase(Locale.ROOT);
        if (!id.matches("[A-Z]{2,8}-\\d{3}")) {
            throw new BadParameterException("ruleId", value, "CHG-001", "ruleId must look like CHG-001; got '"
                    + value + "'");
        }
        return id;
    }

    /** A documentId: the 64-character lowercase hex sha-256 of the document. */
    public static String documentId(String value) {
        if (!DocumentIds.isWellFormed(value)) {
            throw new BadParameterException("documentId", value, "sha-256",
                    "documentId must be the 64-character lowercase hex sha-256 of the document, got '" + value
                            + "'");
        }
        return value;
    }

    /**
     * The filters every list shares, on the disclosure table (column prefix {@code d.} in joins, empty otherwise):
     * region, fiscal year, kind and scope, each checked.
     */
    public static void disclosureFilters(Where where, String prefix, String region, String year, String kind,
                                         String scope) {
        where.andIf(given(region), prefix + "region = ?", region == null ? null : region.trim());
        Integer y = year(year);
        where.andIf(y != null, prefix + "fiscal_year = ?", y);
        DisclosureKind k = enumValue("kind", kind, DisclosureKind.class);
        where.andIf(k != null, prefix + "kind = ?", k == null ? null : k.name());
        DisclosureScope sc = enumValue("scope", scope, DisclosureScope.class);
        where.andIf(sc != null, prefix + "scope = ?", sc == null ? null : sc.name());
    }

    public static void paging(int page, int size) {
        if (page < 0) {
            throw new BadParameterException("page", Integer.toString(page), "0…",
                    "page must be 0 or more; got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadParameterException("size", Integer.toString(size), "1–" + MAX_PAGE_SIZE,
                    "size must be between 1 and " + MAX_PAGE_SIZE + "; got " + size);
        }
    }

    /**
     * An ORDER BY from a comma-separated list of field names, each optionally prefixed with '-' for descending,
     * checked against the allowed fields (field name → SQL expression); the tie-breaker is appended.
     */
    public static String sort(String value, Map<String, String> allowed, String defaultSort, String tieBreaker) {
        String spec = given(value) ? value : defaultSort;
        List<String> parts = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String field = raw.trim();
            if (field.isEmpty()) {
                continue;
            }
            boolean descending = field.startsWith("-");
            String name = descending || field.startsWith("+") ? field.substring(1) : field;
            String column = allowed.get(name);
            if (column == null) {
                String fields = String.join(", ", allowed.keySet());
                throw new BadParameterException("sort", value, fields, "sort must be a comma-separated list of "
                        + fields + " (prefix - for descending); got '" + value + "'");
            }
            parts.add(column + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST"));
        }
        parts.add(tieBreaker);
        return String.join(", ", parts);
    }

    public static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
