package io.budgetlens.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Matcher.find()} for a pattern every match of which begins with one of a few characters: the pattern is tried
 * only at the offsets holding one, where {@code find()} would try it at every offset (a pattern that opens with a
 * lookbehind or an alternation gets no help from java.util.regex). The matches are the same: at each offset
 * {@code lookingAt} over the rest of the text, with transparent bounds so a lookbehind still sees the characters before
 * it, and without anchoring bounds so {@code ^} does not match at the offset.
 */
final class StartScan {

    /** The ten ASCII digits, the start of every figure. */
    static final String DIGITS = "0123456789";
    /** The characters of {@code \s} (java.util.regex's whitespace without UNICODE_CHARACTER_CLASS). */
    static final String REGEX_SPACE = " \t\n\u000B\f\r";

    private final Pattern pattern;
    /** The start, body and end characters as bit sets over the 65,536 UTF-16 code units: one lookup per character. */
    private final long[] starts;
    private final long[] body;
    private final long[] ends;

    /** @param starts the characters one of which every match of {@code pattern} begins with */
    StartScan(Pattern pattern, String starts) {
        this(pattern, starts, null, null);
    }

    /**
     * For a pattern whose every match begins with a run of {@code body} characters (one of {@code starts} first) and
     * continues with one of {@code ends}, which are not body characters: the pattern is tried only where the run of
     * body characters from the offset is followed by one of {@code ends} (figures: digits, commas, points and spaces,
     * then 万, 元 or %), and not again inside a run that is not.
     */
    StartScan(Pattern pattern, String starts, String body, String ends) {
        this.pattern = pattern;
        this.starts = bits(starts);
        this.body = body == null ? null : bits(body);
        this.ends = ends == null ? null : bits(ends);
    }

    private static long[] bits(String chars) {
        long[] set = new long[1 << 10];
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            set[c >>> 6] |= 1L << c;
        }
        return set;
    }

    private static boolean in(long[] set, char c) {
        return (set[c >>> 6] & 1L << c) != 0;
    }

    Pattern pattern() {
        return pattern;
    }

    /** A matcher over {@code text} for {@link #find}. */
    Matcher matcher(CharSequence text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** The next match starting at or after {@code from}, as {@code m.find(from)} finds it; false when there is none. */
    boolean find(Matcher m, CharSequence text, int from) {
        int length = text.length();
        for (int i = from; i < length; i++) {
            if (!in(starts, text.charAt(i))) {
                continue;
            }
            if (body != null) {
                int j = i;
                while (j < length && in(body, text.charAt(j))) {
                    j++;
                }
                if (j == length || !in(ends, text.charAt(j))) {
                    // No match starts anywhere in this run: every offset in it reaches the same character after it.
                    i = Math.max(i, j - 1);
                    continue;
                }
            }
            if (m.region(i, length).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** The matches of the pattern in the text, up to {@code max}, as successive {@code find()} calls count them. */
    int count(CharSequence text, int max) {
        Matcher m = matcher(text);
        int n = 0;
        int from = 0;
        while (n < max && find(m, text, from)) {
            n++;
            from = Math.max(m.end(), m.start() + 1);
        }
        return n;
    }
}
