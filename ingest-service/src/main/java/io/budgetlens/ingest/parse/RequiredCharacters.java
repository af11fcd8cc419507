package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;

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
        for (String alternative : topLevelAlternatives(regex)) {
            char c = firstRequired(alternative);
            if (c == 0) {
                return null;
            }
            if (out.indexOf(String.valueOf(c)) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean anyIn(String label, String required) {
        for (int i = 0; i < required.length(); i++) {
            if (label.indexOf(required.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> topLevelAlternatives(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }

    /** The first ideograph at depth 0 that is not made optional by its quantifier; 0 when there is none. */
    private static char firstRequired(String alternative) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    && !optional(alternative, i + 1)) {
                return c;
            }
        }
        return 0;
    }

    private static boolean optional(String regex, int quantifierAt) {
        if (quantifierAt >= regex.length()) {
            return false;
        }
        char q = regex.charAt(quantifierAt);
        return q == '?' || q == '*' || (q == '{' && regex.startsWith("{0", quantifierAt));
    }
}
