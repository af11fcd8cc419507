package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * The successive matches of {@link FactExtractor#FIGURE} in a text, read by hand: the pattern was tried by
 * java.util.regex at every digit of a run followed by 万, 元 or % (its lookbehind, alternation and groups cost more than
 * the reading of the figure). The matches, their offsets and groups are the pattern's, as {@code find()} gives them
 * ({@code FigureScanTest} compares the two on every sample line and on random text).
 *
 * <p>What the pattern {@code (?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万\s?元|元|%)} does at a digit not
 * preceded by a digit or a point, given a run of d digits there: the thousands alternative can only succeed with all d
 * digits (d ≤ 3) and every ",ddd" group that follows (with fewer, the next character is a digit or a comma, which
 * nothing after the number accepts); the plain alternative only with all d digits (same reason). After the number every
 * part is greedy and deterministic: a point and digits, spaces, then 万 (a space at most) 元, 元 or %.
 */
final class FigureScan {

    private FigureScan() {
    }

    /** The matches of {@link FactExtractor#FIGURE} in the text, as successive {@code find()} calls find them. */
    static List<MatchResult> all(String text) {
        List<MatchResult> found = new ArrayList<>();
        int n = text.length();
        int after = 0;
        int wan = -1;
        int yuan = -1;
        int percent = -1;
        while (after < n) {
            // The next 万, 元 or %: a figure ends with one of them, and starts in the run of digits, commas, points and
            // spaces before it (none of which is one of them).
            if (wan < after) {
                wan = at(text, '万', after);
            }
            if (yuan < after) {
                yuan = at(text, '元', after);
            }
            if (percent < after) {
                percent = at(text, '%', after);
            }
            int end = Math.min(wan, Math.min(yuan, percent));
            if (end >= n) {
                break;
            }
            int run = end;
            while (run > after && isBody(text.charAt(run - 1))) {
                run--;
            }
            after = end + 1;
            for (int i = run; i < end; i++) {
                Figure f = isDigit(text.charAt(i)) ? at(text, i) : null;
                if (f != null) {
                    found.add(f);
                    after = f.end;
                    break;
                }
            }
        }
        return found;
    }

    /** The match starting at digit {@code i}, or null. */
    static Figure at(String text, int i) {
        if (i > 0 && (isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
            return null;
        }
        int n = text.length();
        int digitsEnd = i;
        while (digitsEnd < n && isDigit(text.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd - i <= 3) {
            int groups = digitsEnd;
            while (groups + 3 < n && text.charAt(groups) == ',' && isDigit(text.charAt(groups + 1))
                    && isDigit(text.charAt(groups + 2)) && isDigit(text.charAt(groups + 3))) {
                groups += 4;
            }
            if (groups > digitsEnd) {
                Figure f = rest(text, i, groups);
                if (f != null) {
                    return f;
                }
            }
        }
        return rest(text, i, digitsEnd);
    }

    /** The figure whose number is [start, numberEnd) when the decimals, spaces and unit follow it, else null. */
    private static Figure rest(String text, int start, int numberEnd) {
        int n = text.length();
        int q = numberEnd;
        int decimalsEnd = -1;
        if (q + 1 < n && text.charAt(q) == '.' && isDigit(text.charAt(q + 1))) {
            q += 2;
            while (q < n && isDigit(text.charAt(q))) {
                q++;
            }
            decimalsEnd = q;
        }
        while (q < n && isSpace(text.charAt(q))) {
            q++;
        }
        if (q >= n) {
            return null;
        }
        int unitStart = q;
        char c = text.charAt(q);
        int end;
        if (c == '万') {
            int yuan = q + 1 < n && isSpace(text.charAt(q + 1)) ? q + 2 : q + 1;
            end = yuan < n && text.charAt(yuan) == '元' ? yuan + 1 : -1;
        } else {
            end = c == '元' || c == '%' ? q + 1 : -1;
        }
        return end < 0 ? null : new Figure(text, start, numberEnd, decimalsEnd, unitStart, end);
    }

    /** The offset of {@code c} at or after {@code from}, or the text's length. */
    private static int at(String text, char c, int from) {
        int at = text.indexOf(c, from);
        return at < 0 ? text.length() : at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s} of java.util.regex (without UNICODE_CHARACTER_CLASS). */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A character a figure holds before its unit: digits, commas, points and spaces. */
    private static boolean isBody(char c) {
        return isDigit(c) || c == ',' || c == '.' || isSpace(c);
    }

    /**
     * One figure with the pattern's groups: 1 the number [start, numberEnd), 2 its decimals (none when
     * {@code decimalsEnd} is -1), 3 the unit [unitStart, end); the strings are cut from the text when read.
     */
    record Figure(String text, int start, int numberEnd, int decimalsEnd, int unitStart, int end)
            implements MatchResult {

        @Override
        public int start(int group) {
            return switch (group) {
                case 0, 1 -> start;
                case 2 -> decimalsEnd < 0 ? -1 : numberEnd + 1;
                case 3 -> unitStart;
                default -> throw new IndexOutOfBoundsException("No group " + group);
            };
        }

        @Override
        public int end(int group) {
            return switch (group) {
                case 0, 3 -> end;
                case 1 -> numberEnd;
                case 2 -> decimalsEnd;
                default -> throw new IndexOutOfBoundsException("No group " + group);
            };
        }

        @Override
        public String group() {
            return text.substring(start, end);
        }

        @Override
        public String group(int group) {
            int from = start(group);
            return from < 0 ? null : text.substring(from, end(group));
        }

        @Override
        public int groupCount() {
            return 3;
        }
    }
}
