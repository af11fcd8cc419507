package io.budgetlens.validation.rules;

import static io.budgetlens.events.FundScope.ALL_FUNDS;
import static io.budgetlens.events.FundScope.GENERAL_PUBLIC_BUDGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;

/**
 * Family 1, narrative arithmetic, on the samples' own sentences (facts as the parser states them): 其中 lists add up
 * (NAR-001), the changes of the parts add up (NAR-002), stated sums (NAR-003), a quantity stated twice (NAR-004),
 * parts within their whole (NAR-005). Each rule holds on the sentence as printed, is within rounding where the
 * figures are rounded, and breaks on a changed figure, quoting it.
 */
class NarrativeArithmeticTest {

    /** Qianjiang: the expenditure budget and its four functional classes (371.05 printed as 371.06: rounding). */
    static final String QIANJIANG = "(二)支出预算:2024年年初预算数371.06万元,其中:一般公共服务291.20万元,社会保障和就业"
            + "40.24万元,卫生健康支出20.64万元,住房保障18.97万元。\n2024年一般公共财政拨款收入371.06万元,一般公共财政拨款支出"
            + "371.06万元,比2023年减少9.82万元。其中:基本支出358.68万元,比2023年减少9.85万元;项目支出12.38万元,比2023年增加"
            + "0.03万元。";

    private static DisclosureParsed qianjiang(String total, String housing, String projectChange) {
        String text = QIANJIANG.replace("年初预算数371.06", "年初预算数" + total).replace("住房保障18.97", "住房保障" + housing)
                .replace("增加0.03", "增加" + projectChange);
        String s1 = text.substring(0, text.indexOf('\n'));
        String s2 = text.substring(text.indexOf("2024年一般公共财政拨款收入"), text.indexOf("其中:基本支出"));
        String s3 = text.substring(text.indexOf("其中:基本支出"), text.indexOf("项目支出12.38"));
        String s4 = text.substring(text.indexOf("项目支出12.38"));
        return Docs.narrative(DisclosureKind.BUDGET, text,
                Docs.value(text, s1, "expenditure.total", "2024年年初预算数", total, ALL_FUNDS),
                Docs.value(text, s1, "expenditure.function.201", "一般公共服务", "291.20", ALL_FUNDS),
                Docs.value(text, s1, "expenditure.function.208", "社会保障和就业", "40.24", ALL_FUNDS),
                Docs.value(text, s1, "expenditure.function.210", "卫生健康支出", "20.64", ALL_FUNDS),
                Docs.value(text, s1, "expenditure.function.221", "住房保障", housing, ALL_FUNDS),
                Docs.value(text, s2, "income.general_public_budget", "2024年一般公共财政拨款收入", "371.06",
                        GENERAL_PUBLIC_BUDGET),
                Docs.fact(text, s2, "expenditure.total", "一般公共财政拨款支出", "371.06", GENERAL_PUBLIC_BUDGET,
                        "CURRENT", "9.82", null, "减少", "PRIOR_YEAR"),
                Docs.fact(text, s3, "expenditure.basic", "基本支出", "358.68", GENERAL_PUBLIC_BUDGET, "CURRENT", "9.85",
                        null, "减少", "PRIOR_YEAR"),
                Docs.fact(text, s4, "expenditure.project", "项目支出", "12.38", GENERAL_PUBLIC_BUDGET, "CURRENT",
                        projectChange, null, "增加", "PRIOR_YEAR"));
    }

    @Test
    void aListAfter其中AddsUpToItsWholeWithinRounding() {
        Rule.Outcome printed = new CompositionRule().evaluate(qianjiang("371.06", "18.97", "0.03"));
        assertThat(printed.verdict()).as("291.20 + 40.24 + 20.64 + 18.97 = 371.05 for 371.06")
                .isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(printed.findings()).isEmpty();

        Rule.Outcome changed = new CompositionRule().evaluate(qianjiang("371.06", "25.97", "0.03"));
        Finding f = changed.findings().stream().filter(x -> x.messageZh().contains("住房保障")).findFirst().orElseThrow();
        assertThat(f.ruleId()).isEqualTo("NAR-001");
        assertThat(f.severity()).as("parts above their whole").isEqualTo(Severity.ERROR);
        assertThat(f.expected().value()).isEqualByComparingTo("378.05");
        assertThat(f.actual()).isEqualByComparingTo("371.06");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.quote()).contains("住房保障25.97万元"));
        assertThat(f.messageEn()).contains("add up to 378.05");

        Rule.Outcome total = new CompositionRule().evaluate(qianjiang("378.06", "18.97", "0.03"));
        assertThat(total.findings()).anySatisfy(x -> {
            assertThat(x.severity()).as("a list that may be partial falls short: WARNING").isEqualTo(Severity.WARNING);
            assertThat(x.evidence().get(0).quote()).contains("378.06");
        });
    }

    @Test
    void aSingleClassAfter其中MayBeAPartialListAndOnlyCannotExceed() {
        String text = "支出合计5000万元,其中:教育支出4000万元。";
        DisclosureParsed d = Docs.narrative(DisclosureKind.BUDGET, text,
                Docs.value(text, text, "expenditure.total", "支出合计", "5000", ALL_FUNDS),
                Docs.value(text, text, "expenditure.function.205", "教育支出", "4000", ALL_FUNDS));
        assertThat(new CompositionRule().evaluate(d).findings()).isEmpty();
    }

    @Test
    void basicAndProjectChangesAddUpToTheChangeOfTheTotal() {
        assertThat(new ChangeCompositionRule().evaluate(qianjiang("371.06", "18.97", "0.03")).verdict())
                .as("−9.85 + 0.03 = −9.82").isEqualTo(Verdict.HOLDS);
        Rule.Outcome changed = new ChangeCompositionRule().evaluate(qianjiang("371.06", "18.97", "7.03"));
        assertThat(changed.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("NAR-002");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.expected().value()).isEqualByComparingTo("-2.82");
            assertThat(f.actual()).isEqualByComparingTo("-9.82");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.quote()).contains("增加7.03万元"));
            assertThat(f.messageZh()).as("the parts in the order the text states them, in every JVM run")
                    .contains("(基本支出-9.85、项目支出+7.03)");
        });
    }

    @Test
    void theSameQuantityStatedTwiceMustAgree() {
        String text = "(一)收入预算:2024年年初预算数371.06万元,其中:一般公共预算拨款371.06万元,政府性基金预算拨款0万元。\n"
                + "2024年一般公共财政拨款收入378.06万元,一般公共财政拨款支出371.06万元。";
        String s1 = text.substring(0, text.indexOf('\n'));
        String s2 = text.substring(text.indexOf('\n') + 1);
        DisclosureParsed d = Docs.narrative(DisclosureKind.BUDGET, text,
                Docs.value(text, s1, "income.total", "2024年年初预算数", "371.06", ALL_FUNDS),
                Docs.value(text, s1, "income.general_public_budget", "一般公共预算拨款", "371.06", GENERAL_PUBLIC_BUDGET),
                Docs.value(text, s1, "income.government_fund", "政府性基金预算拨款", "0", io.budgetlens.events.FundScope
                        .FISCAL_APPROPRIATION),
                Docs.value(text, s2, "income.general_public_budget", "2024年一般公共财政拨款收入", "378.06",
                        GENERAL_PUBLIC_BUDGET),
                Docs.value(text, s2, "expenditure.total", "一般公共财政拨款支出", "371.06", GENERAL_PUBLIC_BUDGET));
        List<Finding> findings = new RestatementRule().evaluate(d).findings();
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("NAR-004");
            assertThat(f.severity()).as("the same key at the same scope").isEqualTo(Severity.ERROR);
            assertThat(f.actual()).isEqualByComparingTo("378.06");
            assertThat(f.expected().value()).isEqualByComparingTo("371.06");
            assertThat(f.evidence()).extracting(e -> e.quote()).anySatisfy(q -> assertThat(q).contains("378.06"));
        });
    }

    @Test
    void aStatedSumOfChangesEqualsTheChangesItLists() {
        // Jiangjin, as printed: 350.50 + 312.08 = 662.58; 36.89 + 13.81 + 387.73 = 438.43; 662.58 − 438.43 = 224.15
        // for 224.14 (rounding); 11.52 + 0.69 + 224.14 = 236.35 for 236.34 (rounding).
        String text = "相应增加人员经费11.52万元;公用经费弥补人员经费减少,较2023年公用经费增加0.69万元。项目经费物业管理费、"
                + "电子政务平台运维项目增加350.50万元,新增大数据短信服务四个项目312.08万元,共增加662.58万元;2023年一次性"
                + "项目36.89万元,2024年减少依申请公开诉讼代理、疫情防控费用项目13.81万元,2024年食堂运行经费项目减少387.73"
                + "万元,共减少438.43万元,项目经费合计2024年增加224.14万元。总计增加236.34万元。";
        DisclosureParsed printed = Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text);
        Rule.Outcome holds = new ListedSumRule().evaluate(printed);
        assertThat(holds.findings()).isEmpty();
        assertThat(holds.checks()).isEqualTo(4);
        assertThat(holds.verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);

        DisclosureParsed changed = Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text.replace("350.50", "357.50"));
        assertThat(new ListedSumRule().evaluate(changed).findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("NAR-003");
            assertThat(f.actual()).isEqualByComparingTo("662.58");
            assertThat(f.expected().value()).isEqualByComparingTo("669.58");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.quote()).contains("357.50"));
        });
    }

    @Test
    void wordsThatOnlyLookLikeASumAreNot() {
        String text = "其中:本年收入522.61万元,主要是一般公共预算拨款522.61万元,政府性基金预算拨款0万元。共享平台建设经费12万元。";
        assertThat(new ListedSumRule().evaluate(Docs.narrative(DisclosureKind.BUDGET, text)).checks()).isZero();
    }

    @Test
    void fundsUnderPerformanceManagementAreAllOfProjectExpenditureWhenEveryProjectIs() {
        String text = "项目支出770万元。\n(三)绩效目标设置情况。2024年项目支出均实行了绩效目标管理,涉及一般公共预算财政拨款777万元。";
        String s1 = "项目支出770万元。";
        String s2 = text.substring(text.indexOf('\n') + 1);
        DisclosureParsed d = Docs.narrative(DisclosureKind.BUDGET, text,
                Docs.value(text, s1, "expenditure.project", "项目支出", "770", GENERAL_PUBLIC_BUDGET),
                Docs.value(text, s2, "performance.covered_funds", "涉及一般公共预算财政拨款", "777", GENERAL_PUBLIC_BUDGET));
        assertThat(new BoundRule().evaluate(d).findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("NAR-005");
            assertThat(f.messageZh()).contains("应等于项目支出770");
        });
        String partly = text.replace("均实行了", "实行了").replace("777", "700");
        DisclosureParsed p = Docs.narrative(DisclosureKind.BUDGET, partly,
                Docs.value(partly, s1, "expenditure.project", "项目支出", "770", GENERAL_PUBLIC_BUDGET),
                Docs.value(partly, partly.substring(partly.indexOf('\n') + 1), "performance.covered_funds",
                        "涉及一般公共预算财政拨款", "700", GENERAL_PUBLIC_BUDGET));
        assertThat(new BoundRule().evaluate(p).findings()).as("some projects: at most project expenditure").isEmpty();
    }

    @Test
    void aCountOfZeroHasNoAmount() {
        String text = "以填报目标自评表形式开展自评13项,涉及资金1833.43万元;以委托第三方形式开展绩效自评0项,涉及资金7万元。";
        assertThat(new BoundRule().evaluate(Docs.narrative(DisclosureKind.FINAL_ACCOUNT, text)).findings())
                .singleElement().satisfies(f -> assertThat(f.evidence().get(0).quote()).contains("0项,涉及资金7万元"));
    }

    @Test
    void zeroProjectsAndWhatTheDepartmentHasNoneOfHaveNoAmount() {
        // Jiangsu 2018 政协 p.15 and p.7, as printed.
        String printed = "2018年本部门共0个项目实行绩效目标管理,涉及财政性资金合计0万元。\n"
                + "2018年本部门国有资本经营预算收入为0万元,与上年数一致,本部门无此项预算收支安排。\n"
                + "(2)政府性基金收入预算0万元,与上年数一致,本部门无此项收入。\n"
                + "4.上年结转资金预算数为0万元,与上年数一致,本部门无此项结转资金。";
        Rule.Outcome holds = new BoundRule().evaluate(Docs.narrative(DisclosureKind.BUDGET, printed));
        assertThat(holds.findings()).isEmpty();
        assertThat(holds.checks()).isEqualTo(4);
        String funds = printed.replace("合计0万元", "合计7万元");
        assertThat(new BoundRule().evaluate(Docs.narrative(DisclosureKind.BUDGET, funds)).findings()).singleElement()
                .satisfies(f -> assertThat(f.evidence().get(0).quote()).contains("0个项目", "7万元"));
        String none = printed.replace("收入为0万元", "收入为7万元");
        assertThat(new BoundRule().evaluate(Docs.narrative(DisclosureKind.BUDGET, none)).findings()).singleElement()
                .satisfies(f -> {
                    assertThat(f.messageZh()).contains("无此项", "7万元");
                    assertThat(f.evidence().get(0).quote()).contains("国有资本经营预算收入为7万元");
                });
        // Must not: a change that ends the item ("减少12万元,本部门无此项支出"), and projects that are not zero.
        String change = "公务用车购置费比上年减少12万元,本部门无此项支出。共3个项目实行绩效目标管理,涉及财政性资金合计70万元。";
        assertThat(new BoundRule().evaluate(Docs.narrative(DisclosureKind.BUDGET, change)).findings()).isEmpty();
    }

    @Test
    void figuresOfOtherFundsAreNotTheGeneralTotal() {
        // Rongchang: the government fund's own 0万元 is no statement of the general expenditure.
        String text = "一般公共预算财政拨款支出522.61万元,比2024年增加244.85万元。\n政府性基金预算支出0万元,比2024年增加(或减少)0万元。";
        String s1 = text.substring(0, text.indexOf('\n'));
        String s2 = text.substring(text.indexOf('\n') + 1);
        Fact general = Docs.fact(text, s1, "expenditure.total", "一般公共预算财政拨款支出", "522.61", GENERAL_PUBLIC_BUDGET,
                "CURRENT", "244.85", null, "增加", "PRIOR_YEAR");
        Fact fund = Docs.fact(text, s2, "expenditure.total", "政府性基金预算支出", "0",
                io.budgetlens.events.FundScope.FISCAL_APPROPRIATION, "CURRENT", "0", null, "增加(或减少)", "PRIOR_YEAR");
        DisclosureParsed d = Docs.narrative(DisclosureKind.BUDGET, text, general, fund);
        assertThat(new RestatementRule().evaluate(d).findings()).isEmpty();
        assertThat(new ChangeCompositionRule().evaluate(d).findings()).isEmpty();
    }
}
