package io.budgetlens.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;
import io.budgetlens.testsupport.ParsedBuilder;

/** Each rule on a case that holds, a case consistent only within rounding, and a broken case. */
class RulesTest {

    private static Rule.Outcome run(Rule rule, DisclosureParsed d) {
        return rule.evaluate(d);
    }

    @Test
    void quantitiesAreIntervalsAndAStatedZeroIsExact() {
        Quantity q = Quantity.parse("1,137.1", "x", null);
        assertThat(q.low()).isEqualByComparingTo("1137.05");
        assertThat(q.high()).isEqualByComparingTo("1137.15");
        assertThat(Quantity.parse("0", "z", null).isExact()).isTrue();
        assertThat(Quantity.parse("", "blank", null).isExact()).isTrue();
        Quantity sum = Quantity.parse("1084.23", "a", null).plus(Quantity.parse("25.89", "b", null));
        assertThat(sum.high().subtract(sum.low())).isEqualByComparingTo("0.02");
    }

    @Test
    void hierarchyHoldsIsWithinRoundingAndBreaks() {
        var holds = Docs.parsed(List.of(Docs.expenditure("合计 | | 10.00 | 6.00 | 4.00",
                "201 | 一般公共服务支出 | 10.00 | 6.00 | 4.00", "20103 | 政府办公厅 | 10.00 | 6.00 | 4.00",
                "2010301 | 行政运行 | 6.00 | 6.00 | ", "2010302 | 一般行政管理事务 | 4.00 | | 4.00")), List.of());
        assertThat(run(new HierarchyRule(), holds).verdict()).isEqualTo(Verdict.HOLDS);

        // The Banan case of docs/domain.md §6: 1,137.10 printed for parts adding up to 1,137.11.
        var rounding = Docs.parsed(List.of(Docs.expenditure("合计 | | 1137.10 | 367.10 | 770.00",
                "201 | 一般公共服务支出 | 1084.23 | 314.23 | 770.00", "208 | 社会保障和就业支出 | 25.89 | 25.89 | ",
                "210 | 卫生健康支出 | 11.91 | 11.91 | ", "221 | 住房保障支出 | 15.08 | 15.08 | ")), List.of());
        Rule.Outcome r = run(new HierarchyRule(), rounding);
        assertThat(r.verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(r.findings()).isEmpty();

        var broken = Docs.parsed(List.of(Docs.expenditure("合计 | | 12.00 | 6.00 | 4.00",
                "201 | 一般公共服务支出 | 10.00 | 6.00 | 4.00")), List.of());
        Rule.Outcome b = run(new HierarchyRule(), broken);
        assertThat(b.verdict()).isEqualTo(Verdict.BROKEN);
        Finding f = b.findings().get(0);
        assertThat(f.ruleId()).isEqualTo("SUM-001");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.category()).isEqualTo(Category.HIERARCHY);
        assertThat(f.actual()).isEqualByComparingTo("12.00");
        assertThat(f.expected().value()).isEqualByComparingTo("10.00");
        assertThat(f.expected().low()).isEqualByComparingTo("9.995");
        assertThat(f.excess()).isEqualByComparingTo("1.99");
        assertThat(f.messageZh()).contains("合计", "12", "10");
        assertThat(f.messageEn()).contains("add up to 10");
        assertThat(f.evidence()).hasSize(2).allSatisfy(e -> assertThat(e.tableId()).isEqualTo("t1"));
    }

    @Test
    void aMissOfOneUnitOfTheLastDigitIsInfoNotError() {
        var doubleRounded = Docs.parsed(List.of(Docs.expenditure("合计 | | 10.02 | 6.01 | 4.01",
                "201 | 一般公共服务支出 | 5.00 | 3.00 | 2.00", "202 | 外交支出 | 5.00 | 3.00 | 2.00")), List.of());
        Rule.Outcome r = run(new HierarchyRule(), doubleRounded);
        assertThat(r.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    /** Each arithmetic rule on a case that holds, one consistent only within rounding, and a broken one. */
    static Stream<Arguments> verdicts() {
        return Stream.of(
                verdict("row sum holds", new RowSumRule(), expenditure("201 | 一般公共服务支出 | 10.00 | 6.00 | 4.00"),
                        Verdict.HOLDS),
                verdict("row sum within rounding", new RowSumRule(),
                        expenditure("201 | 一般公共服务支出 | 10.1 | 6.04 | 4.04"), Verdict.WITHIN_ROUNDING),
                verdict("row sum broken", new RowSumRule(), expenditure("2010301 | 行政运行 | 314.23 | 300.00 | "),
                        Verdict.BROKEN),
                verdict("balance holds", new BalanceRule(), totalTable("合计 | 1,137.10 | 合计 | 1,137.10"), Verdict.HOLDS),
                verdict("balance within rounding", new BalanceRule(), totalTable("合计 | 1,137.1 | 合计 | 1,137.14"),
                        Verdict.WITHIN_ROUNDING),
                verdict("balance broken", new BalanceRule(), totalTable("合计 | 1,137.10 | 合计 | 1,173.10"),
                        Verdict.BROKEN),
                verdict("三公 holds", new ThreePublicRule(), threePublic("6.16"), Verdict.HOLDS),
                verdict("三公 within rounding", new ThreePublicRule(), threePublic("6.2"), Verdict.WITHIN_ROUNDING),
                verdict("三公 broken", new ThreePublicRule(), threePublic("6.61"), Verdict.BROKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void arithmeticRulesHoldAreWithinRoundingOrBreak(String name, Rule rule, DisclosureParsed doc, Verdict expected) {
        Rule.Outcome outcome = run(rule, doc);
        assertThat(outcome.verdict()).isEqualTo(expected);
        if (expected == Verdict.BROKEN) {
            assertThat(outcome.findings()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.evidence()).as("a broken check quotes its figures").isNotEmpty());
        } else {
            assertThat(outcome.findings()).as("no finding unless broken").isEmpty();
        }
    }

    @Test
    void brokenChecksSayWhatWasExpected() {
        assertThat(run(new RowSumRule(), expenditure("2010301 | 行政运行 | 314.23 | 300.00 | ")).findings().get(0)
                .messageZh()).contains("2010301 行政运行");
        assertThat(run(new BalanceRule(), totalTable("合计 | 1,137.10 | 合计 | 1,173.10")).findings()).singleElement()
                .satisfies(f -> assertThat(f.excess()).isEqualByComparingTo("35.99"));
    }

    private static Arguments verdict(String name, Rule rule, DisclosureParsed doc, Verdict expected) {
        return Arguments.of(name, rule, doc, expected);
    }

    private static DisclosureParsed expenditure(String... rows) {
        return Docs.parsed(List.of(Docs.expenditure(rows)), List.of());
    }

    /** 部门收支总表 with one row: income total | amount | expenditure total | amount. */
    private static DisclosureParsed totalTable(String row) {
        return Docs.parsed(List.of(Docs.table("INCOME_EXPENDITURE_TOTAL", "部门收支总表", List.of("项目", "预算数", "项目",
                "预算数"), List.of("NAME", "BUDGET", "NAME", "BUDGET"), row)), List.of());
    }

    /** “三公” total as given, parts 0 + 3.50 + 2.66 = 6.16. */
    private static DisclosureParsed threePublic(String total) {
        return Docs.parsed(List.of(), List.of(Docs.amount("three_public.total", "三公", total, "s"),
                Docs.amount("three_public.overseas", "出国", "0", "s"), Docs.amount("three_public.reception", "接待", "3.50",
                        "s"), Docs.amount("three_public.vehicle", "车", "2.66", "s")));
    }

    @Test
    void statedChangePercentagesFollowFromTheAmounts() {
        // Jiangjin: 3027.5, 较上年增加236.34万元,增长8.47% — 236.34 / 2791.16 = 8.467 %.
        assertThat(run(new ChangeRule(), Docs.parsed(List.of(), List.of(Docs.change("income.total", "财政拨款收入总计",
                "3027.5", "236.34", "8.47", "增加", 1, "s")))).verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new ChangeRule(), Docs.parsed(List.of(), List.of(Docs.change("x", "支出", "3.5", "0", "0",
                "减少(或增加)", 0, "s")))).verdict()).as("boilerplate zero change").isEqualTo(Verdict.HOLDS);
        Rule.Outcome broken = run(new ChangeRule(), Docs.parsed(List.of(), List.of(Docs.change("expenditure.function.210",
                "卫生健康支出", "68.85", "1.65", "0.57", "下降", -1, "卫生健康支出68.85万元,较年初预算数减少1.65万元,下降0.57%"))));
        assertThat(broken.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(broken.findings().get(0).messageZh()).contains("2.34");
        assertThat(broken.findings().get(0).evidence().get(0).quote()).contains("下降0.57%");
        Rule.Outcome allNew = run(new ChangeRule(), Docs.parsed(List.of(), List.of(Docs.change("x", "机关运行经费支出",
                "10.23", "10.23", "100.00", "增加", 1, "机关运行经费支出10.23万元,比2023年度增加10.23万元,增长100.00%"))));
        assertThat(allNew.verdict()).as("增长100% of an item that did not exist last year (Putuo 2024, a new department)")
                .isEqualTo(Verdict.HOLDS);
        Rule.Outcome zeroBase = run(new ChangeRule(), Docs.parsed(List.of(), List.of(Docs.change("x", "项目支出", "5",
                "5", "35", "增加", 1, "s"))));
        assertThat(zeroBase.verdict()).as("any other percentage on a zero base").isEqualTo(Verdict.BROKEN);
    }

    @Test
    void duplicatedRowsAreReportedOnceAndCountedOnceInSums() {
        var doc = Docs.parsed(List.of(Docs.expenditure("合计 | | 10.00 | 6.00 | 4.00",
                "201 | 一般公共服务支出 | 10.00 | 6.00 | 4.00", "201 | 一般公共服务支出 | 10.00 | 6.00 | 4.00")), List.of());
        Rule.Outcome dup = run(new DuplicateRowRule(), doc);
        assertThat(dup.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).hasSize(2);
        });
        assertThat(run(new HierarchyRule(), doc).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(run(new DuplicateRowRule(), Docs.parsed(List.of(Docs.expenditure(
                "201 | 一般公共服务支出 | 10.00 | 6.00 | 4.00")), List.of())).verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void theEngineReportsEveryRuleAndNotApplicableWhenInputsAreAbsent() {
        var report = RuleEngine.standard(java.time.Clock.systemUTC()).validate(Docs.parsed(List.of(), List.of()));
        assertThat(report.verdicts()).extracting(v -> v.ruleId())
                .containsExactly("BAL-001", "SRC-001", "SUM-001", "SUM-002", "XTB-001", "TPB-001", "DUP-001", "TBL-001",
                        "TBL-002", "PERF-001", "PERF-002", "CODE-001", "CHG-001", "SHR-001", "DER-001", "NAR-001",
                        "NAR-002", "NAR-003", "NAR-004", "NAR-005", "CMP-001", "TXT-001", "UNIT-001", "HYG-001",
                        "HYG-002", "HYG-003", "HYG-004", "HYG-005", "COMP-001");
        assertThat(report.verdicts()).filteredOn(v -> !v.ruleId().equals("COMP-001"))
                .allSatisfy(v -> assertThat(v.verdict()).isEqualTo(Verdict.NOT_APPLICABLE));
        assertThat(report.completeness()).as("nothing present").isEqualByComparingTo("0");
    }

    @Test
    void narrativeFiguresAgreeWithTheTables() {
        var table = Docs.expenditure("合计 | | 1,137.10 | 367.10 | 770.00", "201 | 一般公共服务支出 | 1,084.23 | 314.23 | 770.00");
        assertThat(run(new TextVsTableRule(), Docs.parsed(List.of(table), List.of(Docs.amount("expenditure.function.201",
                "一般公共服务支出", "1084.23", "s")))).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(run(new TextVsTableRule(), Docs.parsed(List.of(table), List.of(Docs.amount("expenditure.basic",
                "基本支出", "367.1", "s")))).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(run(new TextVsTableRule(), Docs.parsed(List.of(table), List.of(Docs.amount("expenditure.project",
                "项目支出", "770.004", "s")))).verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        Rule.Outcome broken = run(new TextVsTableRule(), Docs.parsed(List.of(table),
                List.of(Docs.amount("expenditure.function.201", "一般公共服务支出", "1048.23", "一般公共服务支出1048.23万元"))));
        assertThat(broken.findings()).singleElement().satisfies(f -> {
            assertThat(f.messageZh()).contains("1048.23", "1084.23");
            assertThat(f.evidence()).hasSize(2);
        });
    }

    @Test
    void completenessCountsRequiredItemsAndExplainsWhatIsMissing() {
        var bare = Docs.parsed(List.of(Docs.expenditure("201 | 一般公共服务支出 | 1.00 | 1.00 | ")), List.of());
        Rule.Outcome outcome = run(new CompletenessRule(), bare);
        assertThat(outcome.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(outcome.findings()).extracting(Finding::messageZh).anySatisfy(m -> assertThat(m).contains("收入总表"))
                .anySatisfy(m -> assertThat(m).contains("“三公”经费"));
        assertThat(CompletenessRule.score(bare)).isEqualByComparingTo("0.0625");
    }

    private static io.budgetlens.events.DisclosureParsed performance(String total, String exec, String... weightScore) {
        List<io.budgetlens.events.PerformanceIndicator> indicators = new java.util.ArrayList<>();
        for (int k = 0; k < weightScore.length; k += 2) {
            indicators.add(new io.budgetlens.events.PerformanceIndicator(null, null, "指标" + k, null, null, null, null,
                    null, new java.math.BigDecimal(weightScore[k]), null, new java.math.BigDecimal(weightScore[k + 1]),
                    null));
        }
        var evaluation = new io.budgetlens.events.PerformanceEvaluation("t1", "SELF_EVALUATION", "项目", new java.math.BigDecimal(total),
                null, null, null, null, null, "100", java.math.BigDecimal.TEN, new java.math.BigDecimal(exec), indicators);
        return Docs.doc().performance(List.of(evaluation)).build();
    }

    @Test
    void performanceScoresAddUpUnderEitherConvention() {
        assertThat(run(new PerformanceRule(), performance("100", "10", "50", "50", "40", "40")).verdict())
                .as("90 + 10").isEqualTo(Verdict.HOLDS);
        assertThat(run(new PerformanceRule(), performance("95.5", "10", "60", "55", "40", "40")).verdict())
                .as("100 scaled to 90, plus 10").isEqualTo(Verdict.HOLDS);
        assertThat(run(new PerformanceRule(), performance("95.5", "10", "60", "55.04", "40", "40")).verdict())
                .isEqualTo(Verdict.WITHIN_ROUNDING);
        Rule.Outcome broken = run(new PerformanceRule(), performance("99", "10", "50", "50", "40", "45"));
        assertThat(broken.findings()).extracting(Finding::messageEn)
                .anySatisfy(m -> assertThat(m).contains("more than its weight 40"))
                .anySatisfy(m -> assertThat(m).contains("total score 99"));
    }

    private static io.budgetlens.events.Fact share(String key, String value, String share) {
        var f = Docs.amount(key, key, value, key + value + "万元,占" + share + "%");
        return new io.budgetlens.events.Fact(f.id(), f.key(), f.label(), f.value(), f.unit(), f.decimals(), f.basis(),
                f.scope(), null, new java.math.BigDecimal(share), new java.math.BigDecimal(share).scale(), f.evidence());
    }

    @Test
    void sharesFollowFromTheirTotals() {
        var total = Docs.amount("procurement.total", "政府采购支出总额", "758.20", "s");
        assertThat(run(new ShareRule(), Docs.parsed(List.of(), List.of(total, share("procurement.sme", "489.10",
                "64.51")))).verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new ShareRule(), Docs.parsed(List.of(), List.of(Docs.amount("procurement.total", "t", "200", "s"),
                share("procurement.sme", "50", "25")))).verdict()).isEqualTo(Verdict.HOLDS);
        Rule.Outcome broken = run(new ShareRule(), Docs.parsed(List.of(), List.of(total,
                share("procurement.sme", "489.10", "46.51"))));
        assertThat(broken.findings()).singleElement().satisfies(f -> assertThat(f.messageZh()).contains("64.51"));
    }

    @Test
    void sharesOfTheFundsBroughtForwardAndOfTheReserveFollowFromTheirSide() {
        // Jiangsu 2018 政协 pp.9-10: 上年结转资金0万元,占0% of income; 单位预留机动经费1,157.63万元,占11.40% of expenditure.
        var income = Docs.amount("income.total", "本年收入预算合计", "10150.48", "s");
        var expenditure = Docs.amount("expenditure.total", "本年支出预算合计", "10150.48", "s");
        assertThat(run(new ShareRule(), Docs.parsed(List.of(), List.of(income, expenditure,
                share("carry_forward.opening", "0", "0"), share("expenditure.reserve", "1157.63", "11.40"),
                share("carry_forward.closing", "0", "0")))).findings()).isEmpty();
        Rule.Outcome broken = run(new ShareRule(), Docs.parsed(List.of(), List.of(income, expenditure,
                share("carry_forward.opening", "0", "7"), share("expenditure.reserve", "1157.63", "18.40"))));
        assertThat(broken.findings()).extracting(Finding::messageZh)
                .anySatisfy(m -> assertThat(m).contains("所述占比7%", "10150.48"))
                .anySatisfy(m -> assertThat(m).contains("所述占比18.40%", "11.40%"));
    }

    @Test
    void perGuestReceptionFollowsFromExpenseAndGuests() {
        String text = "国内公务接待5批次77人,其中:国内外事接待0批次,0人。";
        java.util.function.BiFunction<String, String, io.budgetlens.events.DisclosureParsed> docWith = (expense, perGuest) -> {
            return Docs.doc().text(text).facts(List.of(Docs.amount("three_public.reception", "公务接待费", expense, "s"),
                    Docs.amount("three_public.reception.per_capita", "人均接待费", perGuest, "人均接待费" + perGuest + "元")))
                    .build();
        };
        java.util.function.Function<String, io.budgetlens.events.DisclosureParsed> doc = p -> docWith.apply("0.75", p);
        assertThat(run(new DerivedRule(), docWith.apply("0.77", "100")).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(run(new DerivedRule(), doc.apply("96.87")).verdict()).as("the Jiangjin case")
                .isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new DerivedRule(), doc.apply("97.40")).verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        Rule.Outcome broken = run(new DerivedRule(), doc.apply("130.00"));
        assertThat(broken.findings()).singleElement().satisfies(f -> {
            assertThat(f.unit()).isEqualTo("元");
            assertThat(f.evidence()).hasSize(3);
        });
    }

    @Test
    void incomeSourcesAddUp() {
        java.util.function.Function<String, io.budgetlens.events.DisclosureParsed> doc = row -> Docs.parsed(List.of(
                Docs.table("INCOME", "收入总表", List.of("科目编码", "科目名称", "总计", "一般公共预算拨款收入", "事业收入"),
                        List.of("CODE", "NAME", "TOTAL", "GENERAL_PUBLIC_BUDGET", "OTHER"), row)), List.of());
        assertThat(run(new IncomeSourcesRule(), doc.apply("201 | 一般公共服务支出 | 10.00 | 8.00 | 2.00")).verdict())
                .isEqualTo(Verdict.HOLDS);
        assertThat(run(new IncomeSourcesRule(), doc.apply("201 | 一般公共服务支出 | 10.0 | 8.02 | 2.01")).verdict())
                .isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new IncomeSourcesRule(), doc.apply("201 | 一般公共服务支出 | 10.00 | 8.00 | 3.00")).findings())
                .singleElement().satisfies(f -> assertThat(f.messageZh()).contains("11.00"));
    }

    @Test
    void economicAndFunctionalItemsOfTheSamePaymentAgree() {
        java.util.function.BiFunction<String, String, io.budgetlens.events.DisclosureParsed> doc = (e, f) -> Docs.parsed(
                List.of(Docs.table("GPB_BASIC_EXPENDITURE", "基本支出表", List.of("科目编码", "科目名称", "总计", "人员经费", "日常公用经费"),
                                List.of("CODE", "NAME", "TOTAL", "PERSONNEL", "PUBLIC"), "30108 | 养老保险缴费 | " + e + " | " + e + " | "),
                        Docs.expenditure("2080505 | 机关事业单位基本养老保险缴费支出 | " + f + " | " + f + " | ")), List.of());
        assertThat(run(new CrossTableRule(), doc.apply("17.26", "17.26")).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(run(new CrossTableRule(), doc.apply("17.3", "17.26")).verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new CrossTableRule(), doc.apply("17.26", "18.26")).findings()).singleElement()
                .satisfies(f -> assertThat(f.category()).isEqualTo(Category.CROSS_TABLE));
    }

    @Test
    void codeListWarningsOfTheParserBecomeFindings() {
        var clean = Docs.parsed(List.of(Docs.expenditure("201 | 一般公共服务支出 | 1.00 | 1.00 | ")), List.of());
        assertThat(run(new CodeListRule(), clean).verdict()).isEqualTo(Verdict.HOLDS);
        var warned = ParsedBuilder.from(clean).warnings(List.of(new io.budgetlens.events.ParseWarning(
                "CODE_NAME_MISMATCH", "Code 205 is printed as '教育'; the code list names it '教育支出'", null))).build();
        assertThat(run(new CodeListRule(), warned).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("教育支出"));
    }

    @Test
    void carryForwardFormsOfTheBalance() {
        var table = Docs.table("FISCAL_INCOME_EXPENDITURE_TOTAL", "财政拨款收支总表",
                List.of("项目", "预算数", "项目", "合计"), List.of("NAME", "BUDGET", "NAME", "TOTAL"),
                "一、本年收入 | 100.00 | 一、本年支出 | 90.00", "二、上年结转 | 5.00 | 二、结转下年 | 15.00",
                "收入合计 | 105.00 | 支出合计 | 105.00");
        assertThat(run(new BalanceRule(), Docs.parsed(List.of(table), List.of())).verdict()).isEqualTo(Verdict.HOLDS);
        var broken = Docs.table("FISCAL_INCOME_EXPENDITURE_TOTAL", "财政拨款收支总表",
                List.of("项目", "预算数", "项目", "合计"), List.of("NAME", "BUDGET", "NAME", "TOTAL"),
                "一、本年收入 | 100.00 | 一、本年支出 | 90.00", "二、上年结转 | 5.00 | 二、结转下年 | 5.00",
                "收入合计 | 105.00 | 支出合计 | 105.00");
        assertThat(run(new BalanceRule(), Docs.parsed(List.of(broken), List.of())).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("total expenditure 105.00"));
    }

    @Test
    void receptionItemCannotExceedTheThreePublicReception() {
        java.util.function.Function<String, io.budgetlens.events.DisclosureParsed> doc = item -> Docs.parsed(List.of(
                Docs.table("GPB_BASIC_EXPENDITURE", "基本支出表", List.of("科目编码", "科目名称", "总计", "人员经费", "日常公用经费"),
                        List.of("CODE", "NAME", "TOTAL", "PERSONNEL", "PUBLIC"), "30217 | 公务接待费 | " + item + " | | " + item),
                Docs.table("THREE_PUBLIC", "三公表", List.of("合计", "因公出国(境)费", "公务用车购置及运行费", "公务用车购置费",
                        "公务用车运行费", "公务接待费"), List.of("TOTAL", "OVERSEAS", "VEHICLE", "VEHICLE_PURCHASE",
                        "VEHICLE_OPERATION", "RECEPTION"), "0.20 | | | | | 0.20")), List.of());
        assertThat(run(new CrossTableRule(), doc.apply("0.20")).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(run(new CrossTableRule(), doc.apply("0.204")).verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new CrossTableRule(), doc.apply("0.30")).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("30217"));
    }

    @Test
    void executionRateIsExecutedOverTheAdjustedBudget() {
        java.util.function.Function<String, io.budgetlens.events.DisclosureParsed> doc = rate -> {
            var e = new io.budgetlens.events.PerformanceEvaluation("t1", "SELF_EVALUATION", "项目", null, null, null,
                    new java.math.BigDecimal("42"), new java.math.BigDecimal("42"), new java.math.BigDecimal("35.33"), rate,
                    null, null, List.of());
            var meta = new io.budgetlens.events.DisclosureMeta(io.budgetlens.events.DisclosureKind.FINAL_ACCOUNT, null,
                    2020, null, null, null, null, null, null, null, null, null);
            return Docs.doc().meta(meta).performance(List.of(e)).build();
        };
        assertThat(run(new PerformanceTableRule(), doc.apply("84%")).verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new PerformanceTableRule(), doc.apply("48%")).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("84.12%"));
    }

    @Test
    void anEmptyHeadingIsACompletenessFinding() {
        var withSections = Docs.doc().sections(List.of(new io.budgetlens.events.Section("s1", null, 2, "(一)",
                "部门收支总体情况", 0, 10, true))).build();
        assertThat(run(new CompletenessRule(), withSections).findings()).extracting(Finding::messageZh)
                .contains("标题“(一)部门收支总体情况”下没有内容。");
    }

    @Test
    void projectBudgetsAddUpToProjectExpenditureAndAPartialListIsInfo() {
        java.util.function.Function<String[], io.budgetlens.events.DisclosureParsed> doc = budgets -> {
            List<io.budgetlens.events.PerformanceEvaluation> projects = new java.util.ArrayList<>();
            for (String b : budgets) {
                projects.add(new io.budgetlens.events.PerformanceEvaluation("t1", "TARGETS", "项目" + b,
                        null, null, new java.math.BigDecimal(b), null, null, null, null, null, null, List.of()));
            }
            return Docs.doc().facts(List.of(Docs.amount("expenditure.project", "项目支出", "155.51", "s")))
                    .performance(projects).build();
        };
        assertThat(run(new PerformanceRule(), doc.apply(new String[] {"100.00", "55.51"})).verdict())
                .isEqualTo(Verdict.HOLDS);
        assertThat(run(new PerformanceRule(), doc.apply(new String[] {"100.0", "55.5"})).verdict())
                .isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new PerformanceRule(), doc.apply(new String[] {"100.00", "65.51"})).findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(run(new PerformanceRule(), doc.apply(new String[] {"28.00"})).findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void finalAccountBalanceForms() {
        java.util.function.Function<String, io.budgetlens.events.DisclosureParsed> doc = closing -> Docs.parsed(List.of(
                Docs.table("INCOME_EXPENDITURE_TOTAL", "收入支出决算总表", List.of("项目", "决算数", "项目", "决算数"),
                        List.of("NAME", "ACTUAL", "NAME", "ACTUAL"),
                        "一、本年收入合计 | 600.00 | 一、本年支出合计 | 590.00",
                        "使用非财政拨款结余 | 0.00 | 结余分配 | 0.00",
                        "年初结转和结余 | 6.04 | 年末结转和结余 | " + closing,
                        "收入总计 | 606.04 | 支出总计 | 606.04")), List.of());
        assertThat(run(new BalanceRule(), doc.apply("16.04")).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(run(new BalanceRule(), doc.apply("16.0")).verdict()).isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(run(new BalanceRule(), doc.apply("6.04")).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("支出总计606.04"));
    }
}
