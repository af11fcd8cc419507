package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Section;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;

/**
 * HYG-003 the years agree with the fiscal year of the title (FY): a heading or table title names FY (a heading with
 * another year is a remnant of an earlier document); a comparison (比/较/与YYYY年相比) is with FY − 1; the asset date
 * (截至YYYY年12月31日) is the end of FY in a final account and of FY − 1 in a budget.
 */
public final class YearRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("HYG-003", "年度前后一致", "The years agree with the title",
            "标题与表名年度 = 财年; 比较年度 = 财年 − 1; 截至YYYY年12月: 决算 = 财年, 预算 = 财年 − 1",
            Category.COMPLETENESS, Severity.WARNING, Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    private static final Pattern COMPARISON = Pattern.compile("(比|较|与)\\s*((?:19|20)\\d{2})\\s*年度?(相比|同期)?");
    private static final Pattern AS_OF = Pattern.compile("截[至止]\\s*((?:19|20)\\d{2})\\s*年\\s*12\\s*月");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        Integer fy = d.meta() == null ? null : d.meta().fiscalYear();
        String text = d.text() == null ? "" : d.text();
        if (fy == null || text.isEmpty()) {
            return Outcome.notApplicable();
        }
        List<Finding> findings = new ArrayList<>();
        int checks = 0;
        for (Section s : d.sections() == null ? List.<Section>of() : d.sections()) {
            Matcher y = TextHygiene.YEAR.matcher(s.title() == null ? "" : s.title());
            if (y.find() && !s.title().matches(".*(比|较|与|上年|同期).*")) {
                checks++;
                if (Integer.parseInt(y.group(1)) != fy) {
                    int at = text.indexOf(y.group(), s.start());
                    findings.add(TextHygiene.at(DESCRIPTOR, Severity.WARNING,
                            "标题“" + s.number() + s.title() + "”的年度" + y.group(1) + "与文件的" + fy + "年度不符。",
                            "The heading “" + s.number() + s.title() + "” names " + y.group(1) + " in a document for "
                                    + fy + ".", text, Math.max(at, s.start()), Math.max(at, s.start()) + y.group().length()));
                }
            }
        }
        for (DisclosureTable t : d.tables() == null ? List.<DisclosureTable>of() : d.tables()) {
            Matcher y = TextHygiene.YEAR.matcher(t.title() == null ? "" : t.title());
            if (y.find() && t.start() != null) {
                checks++;
                if (Integer.parseInt(y.group(1)) != fy) {
                    int at = Math.max(t.start(), text.indexOf(t.title(), Math.max(0, t.start() - 200)));
                    findings.add(TextHygiene.at(DESCRIPTOR, Severity.WARNING,
                            "表格《" + t.title() + "》的年度" + y.group(1) + "与文件的" + fy + "年度不符。",
                            "The table “" + t.title() + "” names " + y.group(1) + " in a document for " + fy + ".",
                            text, at, at + 1));
                }
            }
        }
        for (Matcher c : TextHygiene.all(COMPARISON, text, "比较与")) {
            checks++;
            int year = Integer.parseInt(c.group(2));
            if (year != fy - 1 && year != fy) {
                findings.add(TextHygiene.at(DESCRIPTOR, Severity.WARNING,
                        "“" + c.group() + "”:比较年度应为上一年(" + (fy - 1) + "年)。",
                        "“" + c.group() + "”: the comparison should be with the year before, " + (fy - 1) + ".", text,
                        c.start(), c.end()));
            }
        }
        boolean finalAccount = d.meta().kind() == DisclosureKind.FINAL_ACCOUNT;
        for (Matcher a : TextHygiene.all(AS_OF, text, "截")) {
            checks++;
            int expected = finalAccount ? fy : fy - 1;
            if (Integer.parseInt(a.group(1)) != expected) {
                findings.add(TextHygiene.at(DESCRIPTOR, Severity.WARNING,
                        "“" + a.group() + "”:" + (finalAccount ? "决算" : "预算") + "的资产时点应为" + expected + "年末。",
                        "“" + a.group() + "”: the asset date of a " + (finalAccount ? "final account" : "budget")
                                + " for " + fy + " is the end of " + expected + ".", text, a.start(), a.end()));
            }
        }
        if (checks == 0) {
            return Outcome.notApplicable();
        }
        return new Outcome(findings.isEmpty() ? Verdict.HOLDS : Verdict.BROKEN, checks, findings);
    }
}
