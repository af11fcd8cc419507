package io.budgetlens.ingest.parse;

/**
 * The Chinese characters of which every match of a vocabulary pattern must contain at least one, read from the
 * pattern's text: one character per top-level alternative, the first that the alternative cannot skip (not in a group
 * or class, not followed by {@code ?}, {@code *} or a count from zero). A pattern with an alternative that holds no such
 * character (all of it optional, in groups or classes) gives null: it is always run. Only CJK ideographs are taken, so
 * escapes, classes and metacharacters never decide.
 */
final class RequiredCharacters {

    private RequiredCharacters() {
    }

    /** One required character per alternative (duplicates removed), or null when some alternative has none. */
    static String of(String regex) {
        StringBuilder out = new StringBuilder();
        char found = 0;
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
            } else if (depth == 0 && c == '|') {
                if (!add(out, found)) {
                    return null;
                }
                found = 0;
            } else if (depth == 0 && found == 0 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    && !optional(regex, i + 1)) {
                found = c;
            }
        }
        return add(out, found) ? out.toString() : null;
    }

    /** Adds an alternative's required character; false when the alternative had none. */
    private static boolean add(StringBuilder out, char found) {
        if (found != 0 && out.indexOf(String.valueOf(found)) < 0) {
            out.append(found);
        }
        return found != 0;
    }

    /** The label's characters folded into 64 bits (bit {@code c & 63} for each character c): a quick "not in it". */
    static long mask(String label) {
        long mask = 0;
        for (int i = 0; i < label.length(); i++) {
            mask |= 1L << label.charAt(i);
        }
        return mask;
    }

    /**
     * Whether the label holds one of the required characters; {@code mask} is the label's {@link #mask}, computed once
     * for the vocabulary's ~50 terms: a required character whose bit is not in it is not searched for.
     */
    static boolean anyIn(String label, long mask, String required) {
        for (int i = 0; i < required.length(); i++) {
            char c = required.charAt(i);
            if ((mask & 1L << c) != 0 && label.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean optional(String regex, int quantifierAt) {
        if (quantifierAt >= regex.length()) {
            return false;
        }
        char q = regex.charAt(quantifierAt);
        return q == '?' || q == '*' || (q == '{' && regex.startsWith("{0", quantifierAt));
    }
}
