package io.budgetlens.validation.rules;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Matcher.find()} over a whole text for a pattern whose matches can only begin at a few places: the pattern is
 * tried only there (java.util.regex tries an alternation or a lookbehind at every offset). Same matches, in the same
 * order, as {@code pattern.matcher(text).find()} repeated; lookarounds see the whole text. The places are the offsets
 * of a few start characters ({@link #Scan}), those of them shortly before a word every match has ({@link #before}), or
 * the digits of the numbers printed just before an anchor character ({@link #numbersBefore}).
 */
final class Scan {

    private final Matcher matcher;
    private final String text;
    private final String starts;
    /** Per start character, the next offset at or after {@code from} where the text has it (length: none). */
    private final int[] next;
    /** The offsets a match can begin at, ascending (null: the offsets of the start characters). */
    private final int[] candidates;
    private int candidate;
    private int from;

    /** {@code starts}: every character a match of {@code pattern} can begin with. */
    Scan(Pattern pattern, String text, String starts) {
        this(pattern, text, starts, null);
    }

    private Scan(Pattern pattern, String text, String starts, int[] candidates) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.text = text;
        this.starts = starts;
        this.next = new int[starts.length()];
        this.candidates = candidates;
        Arrays.fill(next, -1);
    }

    /**
     * For a pattern every match of which begins with the digits of a number ({@code [\d,.]} characters), then has only
     * characters of {@code between} (blanks, a measure word) up to one of the {@code anchors} characters: the offsets
     * tried are the digits of the numbers that stand, with only {@code between} characters after them, before an
     * anchor ("0项", "12.5 万元"). A text without an anchor is not scanned at all.
     */
    static Scan numbersBefore(Pattern pattern, String text, String anchors, String between) {
        return numbersBefore(pattern, text, anchors, between, p -> true);
    }

    /**
     * {@link #numbersBefore(Pattern, String, String, String)} with only the anchors at which {@code anchorCanMatch}
     * holds: a test of what every match has after its anchor (a word, a character within a reach), false only where
     * no match can have that anchor.
     */
    static Scan numbersBefore(Pattern pattern, String text, String anchors, String between,
                              IntPredicate anchorCanMatch) {
        int[] found = new int[16];
        int n = 0;
        for (int a = 0; a < anchors.length(); a++) {
            for (int p = text.indexOf(anchors.charAt(a)); p >= 0; p = text.indexOf(anchors.charAt(a), p + 1)) {
                if (!anchorCanMatch.test(p)) {
                    continue;
                }
                int end = p;
                while (end > 0 && (between.indexOf(text.charAt(end - 1)) >= 0 || isBlank(text.charAt(end - 1)))) {
                    end--;
                }
                for (int i = end - 1; i >= 0 && isNumberChar(text.charAt(i)); i--) {
                    if (isDigit(text.charAt(i))) {
                        if (n == found.length) {
                            found = Arrays.copyOf(found, 2 * n);
                        }
                        found[n++] = i;
                    }
                }
            }
        }
        int[] sorted = Arrays.copyOf(found, n);
        Arrays.sort(sorted);
        return new Scan(pattern, text, "", sorted);
    }

    /**
     * For a pattern every match of which begins with one of the {@code starts} characters and has the word
     * {@code anchor} beginning at most {@code reach} characters after its start ("增加的主要原因": 原因 within 8): the
     * offsets tried are those characters in the {@code reach} characters before each {@code anchor}.
     */
    static Scan before(Pattern pattern, String text, String anchor, int reach, String starts) {
        int[] found = new int[16];
        int n = 0;
        int last = -1;
        for (int p = text.indexOf(anchor); p >= 0; p = text.indexOf(anchor, p + 1)) {
            for (int i = Math.max(last + 1, p - reach); i <= p; i++) {
                if (starts.indexOf(text.charAt(i)) >= 0) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, 2 * n);
                    }
                    found[n++] = i;
                }
            }
            last = p;
        }
        return new Scan(pattern, text, "", Arrays.copyOf(found, n));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether, from {@code from} on, a character of {@code target} comes within the next {@code reach} characters, before
     * any digit or character of {@code stops} (as {@code [^stops\d]{0,reach}?[target]} can match there).
     */
    static boolean within(String text, int from, int reach, String target, String stops) {
        for (int i = from; i < text.length() && i <= from + reach; i++) {
            char c = text.charAt(i);
            if (target.indexOf(c) >= 0) {
                return true;
            }
            if (isDigit(c) || stops.indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    private static boolean isNumberChar(char c) {
        return isDigit(c) || c == ',' || c == '.';
    }

    /** {@code \s}: space, \t, \n, \u000B, \f, \r. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The matcher, holding the last match after {@link #find()} returned true. */
    Matcher matcher() {
        return matcher;
    }

    /** The next match, as {@code Matcher.find()}. */
    boolean find() {
        int length = text.length();
        while (from < length) {
            int i = nextCandidate(length);
            if (i >= length) {
                break;
            }
            matcher.region(i, length);
            if (matcher.lookingAt()) {
                from = matcher.end() > i ? matcher.end() : i + 1;
                return true;
            }
            from = i + 1;
        }
        from = length;
        return false;
    }

    /** The first offset at or after {@code from} where a match can begin ({@code length}: none). */
    private int nextCandidate(int length) {
        if (candidates != null) {
            while (candidate < candidates.length && candidates[candidate] < from) {
                candidate++;
            }
            return candidate < candidates.length ? candidates[candidate] : length;
        }
        int i = length;
        for (int k = 0; k < next.length; k++) {
            if (next[k] < from) {
                int at = text.indexOf(starts.charAt(k), from);
                next[k] = at < 0 ? length : at;
            }
            i = Math.min(i, next[k]);
        }
        return i;
    }
}
