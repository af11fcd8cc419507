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
        char found = 0;
        Reading reading = new Reading();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (reading.topLevel() && c == '|') {
                if (!add(out, found)) {
                    return null;
                }
                found = 0;
            } else if (reading.topLevel() && isHan(c)) {
                found = found == 0 && !optional(regex, i + 1) ? c : found;
            } else {
                i = reading.syntax(regex, i);
            }
        }
        return add(out, found) ? out.toString() : null;
    }

    /**
     * Per top-level alternative, the runs of CJK ideographs every match of it contains (outside groups and classes,
     * without a character that may be skipped: {@code ?}, {@code *} or a count after it), or null when some
     * alternative has none. A label that holds all the runs of none of the alternatives has no match: for a pattern
     * that runs as a regex ({@code 年末.{0,14}结转和结余|结转下年} gives [[年末, 结转和结余], [结转下年]]), a test of a few
     * words before the regex engine (which ran on most labels: they hold 年).
     */
    static String[][] words(String regex) {
        List<String[]> alternatives = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Reading reading = new Reading();
        for (int i = 0; i <= regex.length(); i++) {
            char c = i < regex.length() ? regex.charAt(i) : '|';
            boolean han = reading.topLevel() && isHan(c);
            boolean kept = han && !optional(regex, i + 1);
            if (kept) {
                run.append(c);
            }
            // "ab+c" holds "ab" and "bc", not "abc": a repeated character ends its run, as does any other character.
            if ((!kept || repeated(regex, i + 1)) && run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
            if (han) {
                continue;
            }
            if (reading.topLevel() && c == '|') {
                if (runs.isEmpty()) {
                    return null;
                }
                alternatives.add(runs.toArray(String[]::new));
                runs.clear();
            } else if (i < regex.length()) {
                i = reading.syntax(regex, i);
            }
        }
        return alternatives.toArray(String[][]::new);
    }

    /** Whether the label holds every run of one of the alternatives ({@link #words}). */
    static boolean holdsAll(String label, String[][] alternatives) {
        for (String[] runs : alternatives) {
            boolean all = true;
            for (String run : runs) {
                if (!label.contains(run)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Where a left-to-right read of a regex's text is: in how many groups, in a character class or not. */
    private static final class Reading {
        private int depth;
        private boolean inClass;

        /** Outside every group and class. */
        boolean topLevel() {
            return depth == 0 && !inClass;
        }

        /** Reads the character at {@code i} as syntax (escape, class, group); the offset of the last character read. */
        int syntax(String regex, int i) {
            char c = regex.charAt(i);
            if (c == '\\') {
                return i + 1;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
            }
            return i;
        }
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

    /** Whether the character before {@code quantifierAt} may be repeated ({@code +} or a count). */
    private static boolean repeated(String regex, int quantifierAt) {
        return quantifierAt < regex.length()
                && (regex.charAt(quantifierAt) == '+' || regex.charAt(quantifierAt) == '{');
    }

    private static boolean optional(String regex, int quantifierAt) {
        if (quantifierAt >= regex.length()) {
            return false;
        }
        char q = regex.charAt(quantifierAt);
        return q == '?' || q == '*' || (q == '{' && regex.startsWith("{0", quantifierAt));
    }
}
