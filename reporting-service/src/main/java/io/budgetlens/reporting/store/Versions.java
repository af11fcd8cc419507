package io.budgetlens.reporting.store;

/** Compares dotted version strings ("0.1.0" &lt; "0.10.0") numerically, part by part. */
final class Versions {

    private Versions() {
    }

    /** Whether {@code candidate} is older than {@code stored}; a missing stored version is never newer. */
    static boolean isOlder(String candidate, String stored) {
        if (stored == null || candidate == null) {
            return false;
        }
        String[] a = candidate.split("[.-]");
        String[] b = stored.split("[.-]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int cmp = compare(i < a.length ? a[i] : "0", i < b.length ? b[i] : "0");
            if (cmp != 0) {
                return cmp < 0;
            }
        }
        return false;
    }

    private static int compare(String x, String y) {
        boolean numeric = x.chars().allMatch(Character::isDigit) && y.chars().allMatch(Character::isDigit)
                && !x.isEmpty() && !y.isEmpty();
        if (numeric) {
            return Long.compare(Long.parseLong(x), Long.parseLong(y));
        }
        return x.compareTo(y);
    }
}
