package io.budgetlens.validation.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Section;

/**
 * HYG-003 the years agree with the fiscal year of the title (FY): a heading or table title names FY (a heading with
 * another year is a remnant of an earlier document); a comparison (比/较/与YYYY年相比) is with FY − 1; the asset date
 * (截至YYYY年12月31日) is the end of FY in a final account and of FY − 1 in a budget.
 */
public final class YearRule extends AbstractRule {

    private static final Pattern COMPARISON = Pattern.compile("(比|较|与)\\s*((?:19|20)\\d{2})\\s*年度?(相比|同期)?");
    private static final Pattern AS_OF = Pattern.compile("截[至止]\\s*((?:19|20)\\d{2})\\s*年\\s*12\\s*月");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        Integer fy = d.meta() == null ? null : d.meta().fiscalYear();
        String text = d.text() == null ? "" : d.text();
        if (fy == null || text.isEmpty()) {
            return;
        }
        for (Section s : d.sections() == null ? List.<Section>of() : d.sections()) {
            Matcher y = TextHygiene.YEAR.matcher(s.title() == null ? "" : s.title());
            if (y.find() && !s.title().matches(".*(比|较|与|上年|同期).*")) {
                checks.count();
                if (Integer.parseInt(y.group(1)) != fy) {
                    int at = text.indexOf(y.group(), s.start());
                    checks.failAt(
                            "标题“" + s.number() + s.title() + "”的年度" + y.group(1) + "与文件的" + fy + "年度不符。",
                            "The heading “" + s.number() + s.title() + "” names " + y.group(1) + " in a document for "
                                    + fy + ".",
                            text, Math.max(at, s.start()), Math.max(at, s.start()) + y.group().length());
                }
            }
        }
        for (DisclosureTable t : d.tables() == null ? List.<DisclosureTable>of() : d.tables()) {
            Matcher y = TextHygiene.YEAR.matcher(t.title() == null ? "" : t.title());
            if (y.find() && t.start() != null) {
                checks.count();
                if (Integer.parseInt(y.group(1)) != fy) {
                    int at = Math.max(t.start(), text.indexOf(t.title(), Math.max(0, t.start() - 200)));
                    checks.failAt(
                            "表格《" + t.title() + "》的年度" + y.group(1) + "与文件的" + fy + "年度不符。",
                            "The table “" + t.title() + "” names " + y.group(1) + " in a document for " + fy + ".",
                            text, at, at + 1);
                }
            }
        }
        for (Matcher c : TextHygiene.all(COMPARISON, text)) {
            checks.count();
            int year = Integer.parseInt(c.group(2));
            if (year != fy - 1 && year != fy) {
                checks.failAt(
                        "“" + c.group() + "”:比较年度应为上一年(" + (fy - 1) + "年)。",
                        "“" + c.group() + "”: the comparison should be with the year before, " + (fy - 1) + ".", text,
                        c.start(), c.end());
            }
        }
        boolean finalAccount = d.meta().kind() == DisclosureKind.FINAL_ACCOUNT;
        for (Matcher a : TextHygiene.all(AS_OF, text)) {
            checks.count();
            int expected = finalAccount ? fy : fy - 1;
            if (Integer.parseInt(a.group(1)) != expected) {
                checks.failAt(
                        "“" + a.group() + "”:" + (finalAccount ? "决算" : "预算") + "的资产时点应为" + expected + "年末。",
                        "“" + a.group() + "”: the asset date of a " + (finalAccount ? "final account" : "budget")
                                + " for " + fy + " is the end of " + expected + ".", text, a.start(), a.end());
            }
        }
    }
}
