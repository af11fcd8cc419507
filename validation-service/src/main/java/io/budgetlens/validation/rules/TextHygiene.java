package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.Severity;

/** Shared pieces of the document-hygiene rules: findings about a place in the text, lines, sentences. */
final class TextHygiene {

    private TextHygiene() {
    }

    /** A finding about a passage of the text (no arithmetic: expected 0 occurrences, found 1). */
    static Finding at(RuleDescriptor rule, Severity severity, String zh, String en, String text, int start, int end) {
        int s = start;
        while (s > 0 && "。;\n".indexOf(text.charAt(s - 1)) < 0 && start - s < 80) {
            s--;
        }
        int e = end;
        while (e < text.length() && "。;\n".indexOf(text.charAt(e)) < 0 && e - end < 80) {
            e++;
        }
        return new Finding(rule.id(), severity, rule.category(), zh, en, Interval.exact(BigDecimal.ZERO),
                BigDecimal.ONE, BigDecimal.ONE, "occurrences", List.of(Evidence.ofText(text.substring(s, e), s, e)));
    }

    /**
     * Offsets of the lines of the document's text that are not table lines, found once per validation; the arrays are
     * shared: read them, never change them.
     */
    static List<int[]> narrativeLines(DisclosureParsed d) {
        return DocumentScope.view(d, NarrativeLinesKey.KEY, x -> narrativeLines(x.text() == null ? "" : x.text()));
    }

    private enum NarrativeLinesKey { KEY }

    /** Whether {@code s} has one of the characters of {@code chars}. */
    static boolean containsAny(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} has one of the {@code words}. */
    static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Offsets of the lines of the text that are not table lines (no | or tab). */
    static List<int[]> narrativeLines(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        // the next | and tab at or after the line's start (n: none)
        int bar = -1;
        int tab = -1;
        while (true) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? n : end;
            if (bar < start) {
                bar = text.indexOf('|', start);
                bar = bar < 0 ? n : bar;
            }
            if (tab < start) {
                tab = text.indexOf('\t', start);
                tab = tab < 0 ? n : tab;
            }
            if (bar >= stop && tab >= stop) {
                out.add(new int[] {start, stop});
            }
            if (end < 0) {
                return out;
            }
            start = end + 1;
        }
    }

    /** The sentence (。 or ; delimited) around an offset of a line, as evidence with offsets into the text. */
    static Evidence sentence(String line, int lineOffset, int at) {
        int s = at;
        while (s > 0 && "。;".indexOf(line.charAt(s - 1)) < 0) {
            s--;
        }
        int e = at;
        while (e < line.length() && "。;".indexOf(line.charAt(e)) < 0) {
            e++;
        }
        if (e < line.length()) {
            e++;
        }
        return Evidence.ofText(line.substring(s, e), lineOffset + s, lineOffset + e);
    }

    static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    /** Every match of {@code p}, each in a matcher of its own; {@code starts}: the characters a match begins with. */
    static List<Matcher> all(Pattern p, String text, String starts) {
        List<Matcher> out = new ArrayList<>();
        Scan scan = new Scan(p, text, starts);
        Matcher m = scan.matcher();
        while (scan.find()) {
            Matcher copy = p.matcher(text);
            copy.find(m.start());
            out.add(copy);
        }
        return out;
    }
}
