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
    /** Words around "**" that make it a blank to fill in rather than markdown emphasis. */
    private static final Pattern STAR_CONTEXT = Pattern.compile("[\\d%]|万元|元|年|月|日|局|部门|单位|人|辆|个");
    private static final Pattern UNIT = Pattern.compile("万\\s?元");
    private static final Pattern HEADER_BEFORE = Pattern.compile("(单位|金额单位|计量单位|以)\\s*[:(（]?\\s*$");
    private static final Pattern NUMBER_WORD_BEFORE = Pattern.compile("[\\d.,％%十百千数几多余每亿]\\s*$");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        String text = d.text() == null ? "" : d.text();
        // One finding per placeholder, at its first place, with the count: a template left unfilled has hundreds.
        Map<String, int[]> placeholders = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
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
        for (int[] line : TextHygiene.narrativeLines(text)) {
            String l = text.substring(line[0], line[1]);
            Matcher u = UNIT.matcher(l);
            while (u.find()) {
                checks.count();
                String before = l.substring(0, u.start());
                String after = l.substring(u.end());
                if (NUMBER_WORD_BEFORE.matcher(before).find() || HEADER_BEFORE.matcher(before).find()
                        || after.startsWith(")") || after.startsWith("）") || before.strip().isEmpty()
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

    /** "**" with a figure, unit, date or organisation word beside it ("20**年", "**万元", "**局"). */
    private static boolean blankToFill(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 1), start);
        String after = text.substring(end, Math.min(text.length(), end + 2));
        return STAR_CONTEXT.matcher(before).find() || STAR_CONTEXT.matcher(after).lookingAt();
    }
}
