package io.budgetlens.reporting.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureMeta;

/**
 * The department part of a disclosure's identity. The printed budget-unit code identifies a department within its
 * region ({@code code:<region>:<code>}, the region its county, else its prefecture-level city, else its province); without one, the normalised full name does ({@code name:<name>}): the
 * province prefix and the 本级 suffix dropped (scope is a separate part of the identity), the district added when the
 * name does not start with it, full-width brackets and spaces folded. So 重庆市江津区政务服务管理办公室 and
 * 江津区政务服务管理办公室 are one department.
 */
public final class DepartmentKeys {

    private DepartmentKeys() {
    }

    /**
     * A prefecture-level city, prefecture, league or autonomous prefecture at the start of a name (after its
     * province): 南京市 in 江苏省南京市教育局. Short names only (2-4 characters before 市/地区/盟), so that a word such
     * as 城市 in 江苏省城市管理局 is not taken for a city.
     */
    private static final Pattern PREFECTURE = Pattern.compile(
            "^(?:[\\p{IsHan}]{2,4}?(?:市|地区|盟)|[\\p{IsHan}]{2,12}?自治州)");

    /**
     * Where a department's budget-unit code is unique: its district or county; for a department of a prefecture-level
     * city (江苏省南京市教育局, no county), that city; else its province.
     */
    public static String region(DisclosureMeta meta) {
        if (meta == null) {
            return null;
        }
        if (meta.district() != null) {
            return meta.district();
        }
        String prefecture = prefecture(meta.department(), meta.province());
        return prefecture != null ? prefecture : meta.province();
    }

    /** The prefecture-level unit a department's name names right after its province, or null. */
    static String prefecture(String department, String province) {
        if (department == null || province == null) {
            return null;
        }
        String n = department.replaceAll("[\\s\\u3000]", "").replaceFirst("^中共", "");
        if (!n.startsWith(province)) {
            return null;
        }
        Matcher m = PREFECTURE.matcher(n.substring(province.length()));
        return m.find() ? m.group() : null;
    }

    public static String nameKey(DisclosureMeta meta) {
        if (meta == null || meta.department() == null || meta.department().isBlank()) {
            return null;
        }
        return "name:" + normaliseName(meta.department(), meta.province(), meta.district());
    }

    public static String codeKey(DisclosureMeta meta) {
        if (meta == null || meta.budgetUnitCode() == null || meta.budgetUnitCode().isBlank()) {
            return null;
        }
        String region = region(meta);
        return "code:" + (region == null ? "" : region) + ":" + meta.budgetUnitCode().trim().toUpperCase(Locale.ROOT);
    }

    public static String departmentKey(DisclosureMeta meta) {
        String code = codeKey(meta);
        return code != null ? code : nameKey(meta);
    }

    /**
     * The name key a department name typed by a user most likely has: spaces and brackets folded, a leading
     * province-level prefix (重庆市, 四川省…) dropped when a district-level name follows, 本级 dropped.
     */
    public static String nameKeyOfTyped(String name) {
        String n = normaliseName(name, null, null);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[^省市区县]{2,6}?(省|市|自治区)(?=[^省市]{1,8}?[区县市])")
                .matcher(n);
        if (m.find() && n.length() - m.end() >= 4) {
            n = n.substring(m.end());
        }
        return "name:" + n;
    }

    static String normaliseName(String name, String province, String district) {
        String n = name.replaceAll("[\\s\\u3000]", "")
                .replace('（', '(').replace('）', ')');
        if (province != null && n.startsWith(province) && n.length() > province.length()) {
            n = n.substring(province.length());
        }
        if (n.endsWith("本级") && n.length() > 2) {
            n = n.substring(0, n.length() - 2);
        }
        if (district != null && !n.startsWith(district)) {
            n = district + n;
        }
        return n;
    }
}
