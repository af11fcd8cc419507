package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.Severity;

/**
 * HYG-005 what the 目录 (table of contents) lists is in the document: a table entry by the type its title names (an
 * empty table listed and explained counts), else by its title; a section entry by a heading of the same words. The
 * entries are the parsed event's {@code contents} (contract v1.1).
 */
public final class ContentsRule extends AbstractRule {

    /** The replaceAll patterns of {@link #core} and {@link #withoutSpace}, compiled once. */
    private static final Pattern BLANK = Pattern.compile("\\s");
    private static final Pattern PAGE_DOTS = Pattern.compile("[.…·]+\\d*$");
    private static final Pattern NUMBERING = Pattern.compile("^[(（]?[一二三四五六七八九十\\d]+[)）、.．]");
    private static final Pattern TABLE_LABEL = Pattern.compile("公开\\d{2}表|表[一二三四五六七八九十\\d]+|附表\\d+");
    private static final Pattern UP_TO_YEAR = Pattern.compile("^.*?(?:19|20)\\d{2}年度?");
    private static final Pattern QUOTES = Pattern.compile("[“”\"'()（）]");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        List<ContractV11.ContentsEntry> contents = ContractV11.contents(d);
        if (contents.isEmpty()) {
            return;
        }
        String body = body(d, contents);
        List<String> lines = lines(d, contents);
        for (ContractV11.ContentsEntry entry : contents) {
            String core = core(entry.title());
            String type = TableTypes.ofTitle(entry.title());
            boolean found;
            if (type != null) {
                found = TableTypes.present(d, type) || d.tables().stream().anyMatch(t -> t.title() != null
                        && core(t.title()).contains(core));
            } else {
                found = d.sections() != null && d.sections().stream().anyMatch(s -> s.title() != null
                        && (entry.start() == null || s.start() != entry.start())
                        && (core(s.title()).contains(core) || core.contains(core(s.title()))) && !core(s.title()).isEmpty())
                        // A part's heading printed over two lines (第一部分⏎部门概况) or not read as a section.
                        || (!core.isEmpty() && body.contains(withoutSpace(entry.title())))
                        || (core.length() >= 4 && body.contains(core))
                        || headingLike(lines, core);
            }
            if (found) {
                continue;
            }
            Evidence evidence = new Evidence(entry.title(), entry.start(), entry.end(), null, null, null, null);
            checks.fail(new Finding(descriptor().id(), Severity.WARNING, descriptor().category(),
                    "目录列有“" + entry.title() + "”" + (entry.pageRef() == null ? "" : "(第" + entry.pageRef() + "页)")
                            + ",但文中没有" + (type != null ? "这张表" : "这一部分") + "。",
                    "The table of contents lists “" + entry.title() + "” but the document has no such "
                            + (type != null ? "table." : "section."),
                    Interval.exact(BigDecimal.ONE), BigDecimal.ZERO, BigDecimal.ONE, "items", List.of(evidence)));
        }
        checks.count(contents.size());
    }

    /** The text after the 目录, without white space (headings wrap over lines in PDFs). */
    private static String body(DisclosureParsed d, List<ContractV11.ContentsEntry> contents) {
        if (d.text() == null) {
            return "";
        }
        int after = contents.stream().map(ContractV11.ContentsEntry::end).filter(e -> e != null)
                .mapToInt(Integer::intValue).max().orElse(0);
        return withoutSpace(d.text().substring(Math.min(after, d.text().length())));
    }

    /** The lines after the 目录, without white space. */
    private static List<String> lines(DisclosureParsed d, List<ContractV11.ContentsEntry> contents) {
        if (d.text() == null) {
            return List.of();
        }
        int after = contents.stream().map(ContractV11.ContentsEntry::end).filter(e -> e != null)
                .mapToInt(Integer::intValue).max().orElse(0);
        return d.text().substring(Math.min(after, d.text().length())).lines().map(ContentsRule::withoutSpace)
                .filter(l -> !l.isEmpty()).toList();
    }

    /**
     * A heading that says the entry in other words, as departments print them: the department's name for 部门/单位
     * (“一、部门主要职能” → “上海市××区××办公室主要职能”), a word more (“其他重要事项的情况说明”), a table title for a part that is
     * the tables (“五、部门预算表” → “2025年部门财务收支预算总表”). The entry's characters, without 部门/单位, in order in one
     * short line.
     */
    static boolean headingLike(List<String> lines, String core) {
        String wanted = core.replace("部门", "").replace("单位", "");
        if (wanted.length() < 2) {
            return false;
        }
        for (String line : lines) {
            if (line.length() > 3 * wanted.length() + 20) {
                continue;
            }
            int i = 0;
            for (int k = 0; k < line.length() && i < wanted.length(); k++) {
                if (line.charAt(k) == wanted.charAt(i)) {
                    i++;
                }
            }
            if (i == wanted.length()) {
                return true;
            }
        }
        return false;
    }

    private static String withoutSpace(String s) {
        return PAGE_DOTS.matcher(BLANK.matcher(s).replaceAll("")).replaceAll("");
    }

    /** A title without numbering, labels (公开01表, 表一), years, page dots and spaces. */
    static String core(String title) {
        if (title == null) {
            return "";
        }
        String s = BLANK.matcher(title).replaceAll("");
        s = NUMBERING.matcher(s).replaceAll("");
        s = TABLE_LABEL.matcher(s).replaceAll("");
        s = UP_TO_YEAR.matcher(s).replaceAll("");
        s = PAGE_DOTS.matcher(s).replaceAll("");
        return QUOTES.matcher(s).replaceAll("");
    }
}
