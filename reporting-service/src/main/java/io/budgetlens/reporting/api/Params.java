package io.budgetlens.reporting.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;

/**
 * Query parameters, checked: every bad value answers 400 with what was wrong and what is allowed. Values are
 * case-insensitive; empty means "not given".
 */
final class Params {

    static final int MAX_PAGE_SIZE = 500;
    /** CSV exports are not paged; they stop at this many rows. */
    static final int MAX_CSV_ROWS = 100_000;

    private Params() {
    }

    static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (!given(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + "; got '" + value + "'");
        }
    }

    static Integer year(String value) {
        if (!given(value)) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year < 1990 || year > 2100) {
                throw new NumberFormatException();
            }
            return year;
        } catch (NumberFormatException e) {
            throw new BadRequestException("year must be a fiscal year such as 2024; got '" + value + "'");
        }
    }

    static Boolean bool(String name, String value) {
        if (!given(value)) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadRequestException(name + " must be true or false; got '" + value + "'");
        };
    }

    /**
     * The filters every list shares, on the disclosure table (column prefix {@code d.} in joins, empty otherwise):
     * region, fiscal year, kind and scope, each checked.
     */
    static void disclosureFilters(io.budgetlens.reporting.store.Where where, String prefix, String region,
                                  String year, String kind, String scope) {
        where.andIf(given(region), prefix + "region = ?", region == null ? null : region.trim());
        Integer y = year(year);
        where.andIf(y != null, prefix + "fiscal_year = ?", y);
        var k = enumValue("kind", kind, io.budgetlens.events.DisclosureKind.class);
        where.andIf(k != null, prefix + "kind = ?", k == null ? null : k.name());
        var sc = enumValue("scope", scope, io.budgetlens.events.DisclosureScope.class);
        where.andIf(sc != null, prefix + "scope = ?", sc == null ? null : sc.name());
    }

    static void paging(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page must be 0 or more; got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + "; got " + size);
        }
    }

    /**
     * An ORDER BY from a comma-separated list of field names, each optionally prefixed with '-' for descending,
     * checked against the allowed fields (field name → SQL expression); the tie-breaker is appended.
     */
    static String sort(String value, Map<String, String> allowed, String defaultSort, String tieBreaker) {
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
                throw new BadRequestException("sort must be a comma-separated list of " + String.join(", ",
                        allowed.keySet()) + " (prefix - for descending); got '" + value + "'");
            }
            parts.add(column + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST"));
        }
        parts.add(tieBreaker);
        return String.join(", ", parts);
    }

    static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
