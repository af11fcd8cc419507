package io.budgetlens.validation.rules;

import static io.budgetlens.events.FundScope.GENERAL_PUBLIC_BUDGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.ContentsEntry;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Finding;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Section;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;
import io.budgetlens.events.Visibility;

/**
 * Family 2 (comparison words, CMP-001) and family 5 (document hygiene, HYG-001…005) on the sentences of
 * GovBudgetChecker's deliberately broken sample and of the corpus, including the wording that must not be flagged.
 */
class ComparisonAndHygieneTest {

    @Test
    void 决算数大于预算数IsCheckedAgainstTheTwoFigures() {
        String text = "2024年度一般公共预算财政拨款支出年初预算为1560.05万元,支出决算为1511.89万元,决算数大于预算数,"
                + "主要原因是项目执行进度加快。\n“三公”经费年初预算数为62.29万元,支出决算为60.99万元,决算数等于预算数。\n"
                + "会议费年初预算数为3.20万元,支出决算为2.81万元,决算数小于预算数。";
        List<Finding> findings = new ComparisonWordRule().evaluate(Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text))
                .findings();
        assertThat(findings).hasSize(2).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("CMP-001");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(findings.get(0).messageZh()).contains("1511.89", "1560.05", "并不大于");
        assertThat(findings.get(0).evidence()).anySatisfy(e -> assertThat(e.quote()).isEqualTo("决算数大于预算数"));
        assertThat(findings.get(1).messageZh()).contains("60.99", "62.29", "不等于");
    }

    @Test
    void equalWithinRoundingAndTheCompletionRate() {
        String text = "年初预算数为62.3万元,支出决算为62.29万元,决算数等于预算数。年初预算为1560.05万元,支出决算为1511.89万元,"
                + "完成年初预算的96.91%。年初预算为100万元,支出决算为80万元,完成年初预算的88%。";
        Rule.Outcome r = new ComparisonWordRule().evaluate(Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.messageZh()).contains("完成年初预算的88%", "80.00%");
            assertThat(f.unit()).isEqualTo("%");
        });
        assertThat(r.checks()).isEqualTo(3);
    }

    @Test
    void aCauseThatNamesTheOppositeDirection() {
        String text = "公务接待费0.75万元,较年初预算数减少0.25万元,下降25%,增加的主要原因是接待批次增加。";
        DisclosureParsed d = Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text, Docs.fact(text, text,
                "three_public.reception", "公务接待费", "0.75", GENERAL_PUBLIC_BUDGET, "CURRENT", "0.25", "25", "减少",
                "INITIAL_BUDGET"));
        assertThat(new ComparisonWordRule().evaluate(d).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("方向相反"));
        String agreeing = text.replace("增加的主要原因", "减少的主要原因");
        assertThat(new ComparisonWordRule().evaluate(Docs.narrative(DisclosureKind.FINAL_ACCOUNT, agreeing,
                Docs.fact(agreeing, agreeing, "three_public.reception", "公务接待费", "0.75", GENERAL_PUBLIC_BUDGET,
                        "CURRENT", "0.25", "25", "减少", "INITIAL_BUDGET"))).findings()).isEmpty();
    }

    @Test
    void placeholdersAndBlankAmountsButNotMarkdownEmphasisOrUnitHeaders() {
        String text = "XX局2024年部门决算\n#### **四、“三公”经费情况说明**\n机关运行经费支出 万元,较上年增加**万元。\n"
                + "单位:万元\n项目资金(万元)\n联系人:某某 电话:____\n××××年××月××日";
        List<Finding> findings = new PlaceholderRule().evaluate(Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text))
                .findings();
        assertThat(findings).extracting(Finding::messageZh).anySatisfy(m -> assertThat(m).contains("“XX”"))
                .anySatisfy(m -> assertThat(m).contains("“**”"))
                .anySatisfy(m -> assertThat(m).contains("某某"))
                .anySatisfy(m -> assertThat(m).contains("____"))
                .anySatisfy(m -> assertThat(m).contains("××××"))
                .anySatisfy(m -> assertThat(m).contains("机关运行经费支出 万元”处金额空缺"));
        assertThat(findings).as("markdown emphasis and unit headers are not remnants")
                .noneMatch(f -> f.evidence().get(0).quote().contains("“三公”经费情况说明"))
                .noneMatch(f -> f.evidence().get(0).quote().contains("单位:万元"));
        assertThat(new PlaceholderRule().evaluate(Docs.narrative(DisclosureKind.BUDGET,
                "2024 年一般公共预算拨款 1,137.1 万元。单位:万元。公务接待费 0.2 万元。")).findings()).isEmpty();
    }

    @Test
    void aTotalOfZeroWhereTheDocumentSpendsMoney() {
        String text = "2024年度收入总计0万元。一般公共服务支出2742.45万元。政府性基金预算支出0万元。";
        DisclosureParsed d = Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text,
                Docs.value(text, "2024年度收入总计0万元。", "income.total", "2024年度收入总计", "0", GENERAL_PUBLIC_BUDGET),
                Docs.value(text, "一般公共服务支出2742.45万元。", "expenditure.function.201", "一般公共服务支出", "2742.45",
                        GENERAL_PUBLIC_BUDGET),
                Docs.value(text, "政府性基金预算支出0万元。", "expenditure.total", "政府性基金预算支出", "0",
                        io.budgetlens.events.FundScope.FISCAL_APPROPRIATION));
        assertThat(new ZeroTotalRule().evaluate(d).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("2024年度收入总计", "总额不可能为零"));
    }

    @Test
    void yearsAgreeWithTheTitle() {
        String text = "二、2023年度收入支出决算总体情况说明\n收入总计1600万元,比2022年增加10万元;与2023年相比增加。\n"
                + "截至2023年12月31日,本部门共有车辆2辆。";
        Section heading = new Section("s1", null, 1, "二、", "2023年度收入支出决算总体情况说明", 0, 20, false);
        DisclosureParsed d = withSections(Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text), List.of(heading));
        List<Finding> findings = new YearRule().evaluate(d).findings();
        assertThat(findings).extracting(Finding::messageZh)
                .anySatisfy(m -> assertThat(m).contains("2023年度收入支出决算总体情况说明", "2024年度不符"))
                .anySatisfy(m -> assertThat(m).contains("比2022年"))
                .anySatisfy(m -> assertThat(m).contains("截至2023年12月", "2024年末"));
        assertThat(findings).hasSize(3);
        String budget = "截至2023年12月底,所属各预算单位共有车辆0辆。支出比2023年增加853.68万元。";
        assertThat(new YearRule().evaluate(Docs.narrative(DisclosureKind.BUDGET, budget)).findings())
                .as("a budget counts its assets at the end of the year before").isEmpty();
    }

    @Test
    void theDepartmentIsNamedTheSameEverywhereItNamesItself() {
        String text = "附件:测试区财政局2024年部门决算公开表\n附件:测试单位2024年部门决算公开表";
        assertThat(new DepartmentNameRule().evaluate(Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text)).findings())
                .singleElement().satisfies(f -> assertThat(f.messageZh()).contains("测试区财政局", "测试单位"));
        assertThat(DepartmentNameRule.sameOrganisation("区政务办", "重庆市某区政务服务管理办公室"))
                .as("an abbreviation keeps the name's characters in order").isTrue();
        assertThat(DepartmentNameRule.sameOrganisation("重庆市某区财政局", "重庆市某区政务服务管理办公室")).isFalse();
    }

    @Test
    void aTableListedInTheContentsButAbsent() {
        DisclosureParsed d = Docs.withTables(Docs.narrative(DisclosureKind.BUDGET, "目录\n一、部门收支总表\n二、部门收入总表"),
                Docs.table("INCOME_EXPENDITURE_TOTAL", "部门收支总表", List.of("项目", "预算数", "项目", "预算数"),
                        List.of("NAME", "BUDGET", "NAME", "BUDGET"), "合计 | 1 | 合计 | 1"));
        List<ContentsEntry> contents = List.of(new ContentsEntry("一、部门收支总表", "12", 3, 11),
                new ContentsEntry("二、部门收入总表", "13", 12, 20));
        d = withContents(d, contents);
        Rule.Outcome r = new ContentsRule().evaluate(d);
        assertThat(r.checks()).isEqualTo(2);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("HYG-005");
            assertThat(f.messageZh()).contains("二、部门收入总表", "第13页", "没有这张表");
            assertThat(f.evidence().get(0).start()).isEqualTo(12);
        });
        Section contentsHeading = new Section("s1", null, 1, "一、", "部门收支总表", 3, 11, true);
        Section again = new Section("s2", null, 1, "一、", "部门收支总表", 30, 60, false);
        DisclosureParsed withHeadings = withContents(withSections(d, List.of(contentsHeading, again)), contents);
        assertThat(new CompletenessRule().evaluate(withHeadings).findings())
                .as("a 目录 heading is no empty section").noneMatch(f -> f.messageZh().contains("下没有内容"));
    }

    static DisclosureParsed withContents(DisclosureParsed d, List<ContentsEntry> contents) {
        return new DisclosureParsed(d.documentId(), d.status(), d.parserVersion(), d.parsedAt(), d.visibility(),
                d.contentType(), d.sourceUri(), d.rejectionReasons(), d.meta(), d.text(), d.sections(), d.facts(),
                d.tables(), d.summary(), d.warnings(), d.performance(), d.revision(), d.parts(), d.pages(), d.lines(),
                contents, d.partial(), d.owner());
    }

    static DisclosureParsed withSections(DisclosureParsed d, List<Section> sections) {
        DisclosureMeta m = d.meta();
        return new DisclosureParsed(d.documentId(), ParseStatus.PARSED, "test", Instant.EPOCH, Visibility.PUBLIC,
                "text/plain", null, List.of(), m, d.text(), sections, d.facts(), d.tables(), Map.of(), List.of(),
                List.of());
    }

    @Test
    void hygieneFindsNothingInAnOrdinarySentence() {
        String text = "2024年度“三公”经费支出共计2.82万元,较年初预算数减少1.18万元,下降29.50%。";
        DisclosureParsed d = Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text);
        assertThat(new PlaceholderRule().evaluate(d).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(new ComparisonWordRule().evaluate(d).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }
}
