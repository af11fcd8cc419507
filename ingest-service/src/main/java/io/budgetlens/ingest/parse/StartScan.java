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

    /** Start sets of at most this many characters are searched for with {@code String.indexOf}, one per character. */
    private static final int INDEXED = 5;

    private final Pattern pattern;
    /** The start and body characters as bit sets over the 65,536 UTF-16 code units: one lookup per character. */
    private final long[] starts;
    /** The smallest and largest start character: most characters of a text fall outside and need no lookup. */
    private final char lowest;
    private final char highest;
    /** The distinct start characters when there are at most {@link #INDEXED} of them, else null. */
    private final char[] indexed;
    private final long[] body;
    /** The distinct end characters (a few: 万, 元 and % for figures), searched for with {@code String.indexOf}. */
    private final char[] endChars;
    /** The two characters one of which every match begins with, or null (then any start character may begin one). */
    private final String[] openings;

    /** @param starts the characters one of which every match of {@code pattern} begins with */
    StartScan(Pattern pattern, String starts) {
        this(pattern, starts, null, null, null);
    }

    /**
     * For a pattern whose every match begins with a run of {@code body} characters (one of {@code starts} first) and
     * continues with one of {@code ends}, which are not body characters: the pattern is tried only where the run of
     * body characters from the offset is followed by one of {@code ends} (figures: digits, commas, points and spaces,
     * then 万, 元 or %), found from the end characters back.
     */
    StartScan(Pattern pattern, String starts, String body, String ends) {
        this(pattern, starts, body, ends, null);
    }

    /**
     * For a pattern of words every match of which begins with one of {@code openings} (their first two characters):
     * tried only where one of them is printed (direction words begin with 一, 上 and 下, which the text is full of).
     */
    static StartScan words(Pattern pattern, String... openings) {
        StringBuilder starts = new StringBuilder();
        for (String opening : openings) {
            starts.append(opening.charAt(0));
        }
        return new StartScan(pattern, starts.toString(), null, null, openings.clone());
    }

    private StartScan(Pattern pattern, String starts, String body, String ends, String[] openings) {
        this.pattern = pattern;
        this.openings = openings;
        this.starts = bits(starts);
        char[] distinct = starts.chars().distinct().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString().toCharArray();
        this.lowest = distinct[0];
        this.highest = distinct[distinct.length - 1];
        this.indexed = distinct.length <= INDEXED ? distinct : null;
        this.body = body == null ? null : bits(body);
        this.endChars = ends == null ? null : ends.chars().distinct().collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray();
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

    /**
     * Whether [from, to) of the text holds a start character: without one there is no match there, and the caller
     * need not make a matcher.
     */
    boolean hasStart(String text, int from, int to) {
        if (indexed != null) {
            for (char c : indexed) {
                if (at(text, c, from, to) < to) {
                    return true;
                }
            }
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= lowest && c <= highest && in(starts, c)) {
                return true;
            }
        }
        return false;
    }

    /** A matcher over {@code text} for {@link #find}. */
    Matcher matcher(String text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** The next match starting at or after {@code from}, as {@code m.find(from)} finds it; false when there is none. */
    boolean find(Matcher m, String text, int from) {
        return find(m, text, from, text.length());
    }

    /**
     * The next match within [from, to), as {@code find()} finds it in the region [from, to) of a pattern without
     * lookarounds or anchors (this scan's bounds are transparent and not anchoring).
     */
    boolean find(Matcher m, String text, int from, int to) {
        if (endChars != null) {
            return findAtEnds(m, text, from, to);
        }
        if (indexed != null) {
            return findIndexed(m, text, from, to);
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= lowest && c <= highest && in(starts, c)) {
                i = attempt(m, text, i, to);
                if (i < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@link #find} for a few start characters: the next offset of each found with {@code String.indexOf} (which
     * scans many characters per instruction), the pattern tried at the nearest, in the same order as the loop.
     */
    private boolean findIndexed(Matcher m, String text, int from, int to) {
        int[] next = new int[indexed.length];
        for (int k = 0; k < indexed.length; k++) {
            next[k] = at(text, indexed[k], from, to);
        }
        int i = from - 1;
        while (true) {
            int nearest = to;
            for (int k = 0; k < indexed.length; k++) {
                if (next[k] <= i) {
                    next[k] = at(text, indexed[k], i + 1, to);
                }
                nearest = Math.min(nearest, next[k]);
            }
            if (nearest >= to) {
                return false;
            }
            i = attempt(m, text, nearest, to);
            if (i < 0) {
                return true;
            }
        }
    }

    /**
     * {@link #find} for a pattern of body characters followed by an end character: the end characters found with
     * {@code String.indexOf} (far fewer than the start characters: a text's digits against its 万, 元 and %), the
     * pattern tried at each start character of the run of body characters before one, in the order of the loop (a
     * start tried by the loop is one whose run reaches an end character; the runs before two end characters are
     * disjoint, as an end character is not a body character). What was a lookup per character of the text is an
     * {@code indexOf} per end character.
     */
    private boolean findAtEnds(Matcher m, String text, int from, int to) {
        int[] next = new int[endChars.length];
        for (int k = 0; k < endChars.length; k++) {
            next[k] = at(text, endChars[k], from, to);
        }
        int after = from;
        while (true) {
            int end = to;
            for (int k = 0; k < endChars.length; k++) {
                if (next[k] < after) {
                    next[k] = at(text, endChars[k], after, to);
                }
                end = Math.min(end, next[k]);
            }
            if (end >= to) {
                return false;
            }
            int run = end;
            while (run > after && in(body, text.charAt(run - 1))) {
                run--;
            }
            for (int i = run; i < end; i++) {
                char c = text.charAt(i);
                if (c >= lowest && c <= highest && in(starts, c) && m.region(i, to).lookingAt()) {
                    return true;
                }
            }
            after = end + 1;
        }
    }

    /** The offset of {@code c} in [from, to), or {@code to}. */
    private static int at(String text, char c, int from, int to) {
        int at = text.indexOf(c, from);
        return at < 0 || at > to ? to : at;
    }

    /**
     * The pattern tried at start character {@code i} of [.., to): -1 when it matches there, else {@code i}; a pattern
     * of words is tried only where one of its openings is printed.
     */
    private int attempt(Matcher m, String text, int i, int to) {
        if (openings != null && !opensAt(text, i, to)) {
            return i;
        }
        return m.region(i, to).lookingAt() ? -1 : i;
    }

    /** Whether one of {@link #openings} is printed at {@code i}, before {@code to}. */
    private boolean opensAt(String text, int i, int to) {
        if (i + 2 > to) {
            return false;
        }
        for (String opening : openings) {
            if (text.charAt(i) == opening.charAt(0) && text.charAt(i + 1) == opening.charAt(1)) {
                return true;
            }
        }
        return false;
    }

    /** The matches of the pattern in the text, up to {@code max}, as successive {@code find()} calls count them. */
    int count(String text, int max) {
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
