package io.budgetlens.validation.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;

/**
 * HYG-001 no template remnants: placeholders (XX, ××, 某某, ＊＊ and blanks to fill in such as "____") and amounts left
 * blank ("支出 万元", "运行经费为万元": a unit with no figure in front of it). Markdown emphasis (**标题**) is not a
 * placeholder, nor is a unit in a header ("单位:万元", "(万元)").
 */
public final class PlaceholderRule extends AbstractRule {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<![A-Za-z0-9./:@_-])X{2,}(?![A-Za-z])|[×Xx]{0,1}×{2,}|某某|_{3,}|\\*{2,}");
    /** Every character a placeholder begins with. */
    private static final String PLACEHOLDER_STARTS = "X×x某_*";
    /** Words around "**" that make it a blank to fill in rather than markdown emphasis. */
    private static final Pattern STAR_CONTEXT = Pattern.compile("[\\d%]|万元|元|年|月|日|局|部门|单位|人|辆|个");
    private static final Pattern UNIT = Pattern.compile("万\\s?元");
    /** What {@code [\\d.,％%十百千数几多余每亿]\\s*$} finds: a figure or number word ending the text before a unit. */
    private static final String NUMBER_WORDS = "0123456789.,％%十百千数几多余每亿";

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        String text = d.text() == null ? "" : d.text();
        // One finding per placeholder, at its first place, with the count: a template left unfilled has hundreds.
        Map<String, int[]> placeholders = new LinkedHashMap<>();
        Scan scan = new Scan(PLACEHOLDER, text, PLACEHOLDER_STARTS);
        Matcher m = scan.matcher();
        while (scan.find()) {
            String found = m.group();
            if (found.startsWith("*") && !blankToFill(text, m.start(), m.end())) {
                continue;
            }
            checks.count();
            placeholders.computeIfAbsent(found, k -> new int[] {m.start(), m.end(), 0})[2]++;
        }
        placeholders.forEach((found, at) -> checks.failAt(
                "文中有模板占位符“" + found + "”" + (at[2] > 1 ? "共" + at[2] + "处(此为第一处)" : "") + ",未替换为实际内容。",
                "The text still has the template placeholder “" + found + "”" + (at[2] > 1 ? " (" + at[2]
                        + " times; this is the first)" : "") + ".", text, at[0], at[1]));
        for (int[] line : TextHygiene.narrativeLines(d)) {
            int unit = text.indexOf('万', line[0]);
            if (unit < 0 || unit >= line[1]) {
                // no 万 in the line: no unit to check
                continue;
            }
            String l = text.substring(line[0], line[1]);
            Matcher u = UNIT.matcher(l);
            while (u.find()) {
                checks.count();
                String before = l.substring(0, u.start());
                if (numberWordBefore(before) || headerBefore(before)
                        || l.startsWith(")", u.end()) || l.startsWith("）", u.end()) || before.strip().isEmpty()
                        || PLACEHOLDER.matcher(before.substring(Math.max(0, before.length() - 4))).find()) {
                    continue;
                }
                char previous = before.strip().charAt(before.strip().length() - 1);
                if (Character.UnicodeScript.of(previous) != Character.UnicodeScript.HAN && ":：为是计".indexOf(previous) < 0) {
                    continue;
                }
                int at = line[0] + u.start();
                checks.failAt(
                        "“" + before.substring(Math.max(0, before.length() - 12)).strip() + " 万元”处金额空缺。",
                        "An amount is left blank before “万元” (“" + before.substring(Math.max(0,
                                before.length() - 12)).strip() + " 万元”).", text, at, at + u.group().length());
            }
        }
    }

    /**
     * {@code [\\d.,％%十百千数几多余每亿]\\s*$} found in {@code before}, read from its end instead of tried at every offset:
     * a number word, then only blanks to the end (or to a line terminator ending it, where {@code $} also matches).
     */
    static boolean numberWordBefore(String before) {
        for (int end : ends(before)) {
            int j = skipBlanks(before, end);
            if (j > 0 && NUMBER_WORDS.indexOf(before.charAt(j - 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code (单位|金额单位|计量单位|以)\\s*[:(（]?\\s*$} found in {@code before} (a header's unit), read from its end. */
    static boolean headerBefore(String before) {
        for (int end : ends(before)) {
            int j = skipBlanks(before, end);
            if (j > 0 && ":(（".indexOf(before.charAt(j - 1)) >= 0) {
                j = skipBlanks(before, j - 1);
            }
            if (before.startsWith("单位", j - 2) || j > 0 && before.charAt(j - 1) == '以') {
                return true;
            }
        }
        return false;
    }

    /** Where {@code $} matches in a text without '\n': its end, and before a line terminator ending it. */
    private static int[] ends(String s) {
        int n = s.length();
        return n > 0 && "\r\u0085\u2028\u2029".indexOf(s.charAt(n - 1)) >= 0 ? new int[] {n, n - 1} : new int[] {n};
    }

    /** The offset before the blanks ({@code \\s}: space, \t, \n, \u000B, \f, \r) that end {@code s[0, end)}. */
    private static int skipBlanks(String s, int end) {
        int j = end;
        while (j > 0 && " \t\n\u000B\f\r".indexOf(s.charAt(j - 1)) >= 0) {
            j--;
        }
        return j;
    }

    /** "**" with a figure, unit, date or organisation word beside it ("20**年", "**万元", "**局"). */
    private static boolean blankToFill(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 1), start);
        String after = text.substring(end, Math.min(text.length(), end + 2));
        return STAR_CONTEXT.matcher(before).find() || STAR_CONTEXT.matcher(after).lookingAt();
    }
}
