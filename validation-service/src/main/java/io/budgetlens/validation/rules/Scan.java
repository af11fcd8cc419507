package io.budgetlens.validation.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Matcher.find()} over a whole text for a pattern every match of which begins with one of a few characters:
 * the pattern is tried only where the text has one of them (java.util.regex tries an alternation or a lookbehind at
 * every offset). Same matches, in the same order, as {@code pattern.matcher(text).find()} repeated; lookarounds see the
 * whole text.
 */
final class Scan {

    private final Matcher matcher;
    private final String text;
    private final String starts;
    /** Per start character, the next offset at or after {@code from} where the text has it (length: none). */
    private final int[] next;
    private int from;

    /** {@code starts}: every character a match of {@code pattern} can begin with. */
    Scan(Pattern pattern, String text, String starts) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.text = text;
        this.starts = starts;
        this.next = new int[starts.length()];
        java.util.Arrays.fill(next, -1);
    }

    /** The matcher, holding the last match after {@link #find()} returned true. */
    Matcher matcher() {
        return matcher;
    }

    /** The next match, as {@code Matcher.find()}. */
    boolean find() {
        int length = text.length();
        while (from < length) {
            int i = length;
            for (int k = 0; k < next.length; k++) {
                if (next[k] < from) {
                    int at = text.indexOf(starts.charAt(k), from);
                    next[k] = at < 0 ? length : at;
                }
                i = Math.min(i, next[k]);
            }
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
}
