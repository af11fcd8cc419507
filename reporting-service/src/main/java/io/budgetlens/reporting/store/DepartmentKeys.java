package io.budgetlens.reporting.store;

import java.util.Locale;

import io.budgetlens.events.DisclosureMeta;

/**
 * The department part of a disclosure's identity. The printed budget-unit code identifies a department within its
 * region ({@code code:<region>:<code>}); without one, the normalised full name does ({@code name:<name>}): the
 * province prefix and the 本级 suffix dropped (scope is a separate part of the identity), the district added when the
 * name does not start with it, full-width brackets and spaces folded. So 重庆市江津区政务服务管理办公室 and
 * 江津区政务服务管理办公室 are one department.
 */
public final class DepartmentKeys {

    private DepartmentKeys() {
    }

    public static String region(DisclosureMeta meta) {
        if (meta == null) {
            return null;
        }
        return meta.district() != null ? meta.district() : meta.province();
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
