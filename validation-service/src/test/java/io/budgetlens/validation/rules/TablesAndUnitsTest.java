package io.budgetlens.validation.rules;

import static io.budgetlens.events.FundScope.ALL_FUNDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Finding;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.PerformanceIndicator;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;
import io.budgetlens.events.Visibility;

/**
 * Family 3 (two-sided and multi-group tables, TBL-001/002; performance tables, PERF-002), family 4 (units, UNIT-001 and
 * TXT-001 after conversion), family 6 (completeness by template family) and the cases that must not be flagged:
 * Jiangsu's 单位预留机动经费 column, a “三公” table whose 合计 also counts 会议费 and 培训费, rounding.
 */
class TablesAndUnitsTest {

    /** Banan's 财政拨款收支总表 as printed: income and expenditure sides, the expenditure side's fund columns. */
    static DisclosureTable fiscalTotal(String education) {
        return Docs.table("FISCAL_INCOME_EXPENDITURE_TOTAL", "财政拨款收支总表",
                List.of("项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"),
                List.of("NAME", "BUDGET", "NAME", "TOTAL", "GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"),
                "项目 | 预算数 | 项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算",
                "一、本年收入 | 1,137.10 | 一、本年支出 | 1,137.10 | 1,137.10 | | ",
                "一般公共预算资金 | 1,137.10 | 一般公共服务支出 | 1,084.23 | 1,084.23 | | ",
                "政府性基金预算资金 | | 社会保障和就业支出 | " + education + " | 25.89 | | ",
                "国有资本经营预算资金 | | 卫生健康支出 | 11.91 | 11.91 | | ",
                " | | 住房保障支出 | 15.08 | 15.08 | | ",
                "二、上年结转 | | 二、结转下年 | | | | ",
                "一般公共预算拨款 | | | | | | ",
                "收入合计 | 1,137.10 | 支出合计 | 1,137.10 | 1,137.10 | | ");
    }

    @Test
    void bothSidesAndTheFundColumnsOfATotalTableAddUp() {
        Rule.Outcome printed = Docs.evaluate(new TwoSidedTableRule(), fiscalTotal("25.89"));
        assertThat(printed.verdict()).as("1,084.23 + 25.89 + 11.91 + 15.08 = 1,137.11 for 1,137.10")
                .isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(printed.findings()).isEmpty();

        Rule.Outcome changed = Docs.evaluate(new TwoSidedTableRule(), fiscalTotal("32.89"));
        assertThat(changed.findings()).extracting(Finding::messageZh)
                .anySatisfy(m -> assertThat(m).contains("一、本年支出", "其下4行合计1144.11"))
                .anySatisfy(m -> assertThat(m).contains("社会保障和就业支出", "各资金来源之和25.89"));
        assertThat(changed.findings()).allSatisfy(f -> assertThat(f.evidence()).anySatisfy(
                e -> assertThat(e.quote()).contains("32.89")));
    }

    @Test
    void aThirdUseColumnIsPartOfTheTotal() {
        // Jiangsu: 合计 = 基本支出 + 项目支出 + 单位预留机动经费, so basic + project alone is not the total.
        DisclosureTable jiangsu = Docs.table("GPB_EXPENDITURE", "一般公共预算支出预算表",
                List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出", "单位预留机动经费"),
                java.util.Arrays.asList("CODE", "NAME", "TOTAL", "BASIC", "PROJECT", null),
                "201 | 一般公共服务支出 | 1,250.00 | 800.00 | 400.00 | 50.00");
        Rule.Outcome r = Docs.evaluate(new RowSumRule(), jiangsu);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        DisclosureTable wrong = Docs.table("GPB_EXPENDITURE", "一般公共预算支出预算表",
                List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出", "单位预留机动经费"),
                java.util.Arrays.asList("CODE", "NAME", "TOTAL", "BASIC", "PROJECT", null),
                "201 | 一般公共服务支出 | 1,257.00 | 800.00 | 400.00 | 50.00");
        assertThat(Docs.evaluate(new RowSumRule(), wrong).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("单位预留机动经费"));
    }

    @Test
    void aThreePublicTableWhoseTotalAlsoCountsMeetingsAndTraining() {
        // Jiangsu 09: 合计 8.00 = 出国 0 + 车辆 3.00 + 接待 1.00 + 会议费 2.50 + 培训费 1.50.
        DisclosureTable t = Docs.table("THREE_PUBLIC", "一般公共预算“三公”经费、会议费、培训费支出预算表",
                List.of("合计", "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "会议费", "培训费"),
                java.util.Arrays.asList("TOTAL", "OVERSEAS", "VEHICLE", "RECEPTION", null, null), "8.00 | 0 | 3.00 | 1.00 | 2.50 | 1.50");
        assertThat(Docs.evaluate(new ThreePublicRule(), t).findings()).isEmpty();
        String text = "2024年“三公”经费预算4万元。";
        DisclosureParsed d = Docs.withTables(Docs.narrative(DisclosureKind.BUDGET, text, Docs.value(text, text,
                "three_public.total", "2024年“三公”经费预算", "4", io.budgetlens.events.FundScope.GENERAL_PUBLIC_BUDGET)), t);
        assertThat(new TextVsTableRule().evaluate(d).findings()).as("the table's 合计 is not the “三公” total").isEmpty();
    }

    @Test
    void aTableInYuanAgainstTheNarrativeInWanYuan() {
        String text = "支出合计1,234.57万元。";
        DisclosureTable yuan = Docs.unit(Docs.table("EXPENDITURE", "支出预算总表", List.of("科目编码", "科目名称", "合计"),
                List.of("CODE", "NAME", "TOTAL"), "合计 | | 12,345,678.90"), "元");
        DisclosureParsed d = Docs.withTables(Docs.narrative(DisclosureKind.BUDGET, text,
                Docs.value(text, text, "expenditure.total", "支出合计", "1234.57", ALL_FUNDS)), yuan);
        assertThat(new TextVsTableRule().evaluate(d).verdict()).as("1,234.5678890 万元 rounds to 1,234.57")
                .isEqualTo(Verdict.WITHIN_ROUNDING);
        assertThat(new UnitRule().evaluate(d).findings()).isEmpty();

        DisclosureTable mislabelled = Docs.unit(Docs.table("EXPENDITURE", "支出预算总表",
                List.of("科目编码", "科目名称", "合计"), List.of("CODE", "NAME", "TOTAL"), "合计 | | 1,234.57"), "元");
        DisclosureParsed wrongUnit = Docs.withTables(Docs.narrative(DisclosureKind.BUDGET, text,
                Docs.value(text, text, "expenditure.total", "支出合计", "1234.57", ALL_FUNDS)), mislabelled);
        assertThat(new UnitRule().evaluate(wrongUnit).findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("UNIT-001");
            assertThat(f.messageZh()).contains("标明单位为元", "表格单位有误");
        });
        assertThat(new TextVsTableRule().evaluate(wrongUnit).findings()).as("reported once, as a unit error").isEmpty();

        DisclosureTable wrongFigure = Docs.unit(Docs.table("EXPENDITURE", "支出预算总表",
                List.of("科目编码", "科目名称", "合计"), List.of("CODE", "NAME", "TOTAL"), "合计 | | 12,415,678.90"), "元");
        assertThat(new TextVsTableRule().evaluate(Docs.withTables(Docs.narrative(DisclosureKind.BUDGET, text,
                Docs.value(text, text, "expenditure.total", "支出合计", "1234.57", ALL_FUNDS)), wrongFigure)).findings())
                .singleElement().satisfies(f -> assertThat(f.messageZh()).contains("1241.56789", "元"));
    }

    private static DisclosureParsed withPerformance(DisclosureTable table, PerformanceEvaluation e) {
        DisclosureMeta meta = new DisclosureMeta(DisclosureKind.FINAL_ACCOUNT, null, 2020, "t", null, null, null, null,
                null, null, null, null);
        return new DisclosureParsed("c".repeat(64), ParseStatus.PARSED, "test", Instant.EPOCH, Visibility.PUBLIC,
                "text/plain", null, List.of(), meta, "", List.of(), List.of(), List.of(table), Map.of(), List.of(),
                List.of(e));
    }

    /** Wulong's 优化营商环境经费 self-evaluation funding rows, with its 全年执行数 as given. */
    private static DisclosureTable wulongFunding(String executed) {
        return Docs.table("PERFORMANCE_SELF_EVALUATION", "2020年度项目资金绩效自评表",
                List.of("a", "b", "c", "d", "e", "f", "g"), java.util.Arrays.asList(null, null, null, null, null, null,
                        null),
                "项目资金(万元) | 年初预算数 | 全年预算数(A) | 全年执行数(B) | 执行率(B/A,%) | 分值 | 得分",
                "年度资金总额 | 5 | 5 | " + executed + " | 80.00% | 10 | 8",
                "其中:当年财政拨款 | 5 | 5 | " + executed + " | 80.00% | 10 | 8",
                "上年结转资金 | - | -", "其他资金 | - | -");
    }

    @Test
    void everyFundingRowOfAPerformanceTableIsChecked() {
        PerformanceEvaluation e = new PerformanceEvaluation("t1", "SELF_EVALUATION", "优化营商环境经费", null, null, null,
                BigDecimal.valueOf(5), BigDecimal.valueOf(5), new BigDecimal("3.98"), "80.00%", BigDecimal.TEN,
                BigDecimal.valueOf(8), List.of());
        Rule.Outcome printed = new PerformanceTableRule().evaluate(withPerformance(wulongFunding("3.98"), e));
        assertThat(printed.findings()).as("3.98 / 5 = 79.6 % within the rounding of a whole-number budget").isEmpty();
        // the case: 执行数 3.98 printed as 10.98 against 预算数 5 and 执行率 80.00 %
        Rule.Outcome changed = new PerformanceTableRule().evaluate(withPerformance(wulongFunding("10.98"), e));
        assertThat(changed.findings()).hasSize(2).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("PERF-002");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.messageZh()).contains("执行率80.00%", "10.98");
        });
    }

    @Test
    void indicatorWeightsScoreRatesAndDeviations() {
        DisclosureTable t = Docs.table("PERFORMANCE_SELF_EVALUATION", "2024年度项目绩效自评表",
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"),
                java.util.Arrays.asList(null, null, null, null, null, null, null, null, null, null),
                "指标名称 | 计量单位 | 指标性质 | 指标值 | 全年完成值 | 偏离度(%) | 得分系数(%) | 指标权重(分) | 指标得分(分) | 说明",
                "服务质量达标率 | % | ≥ | 90 | 92 | 9.22 | 100 | 50 | 50 | ",
                "“三公”经费控制情况 | 万元 | ≤ | 4 | 2.81304 | 29.67 | 107 | 40 | 40 | ");
        List<PerformanceIndicator> indicators = List.of(
                new PerformanceIndicator(null, null, "服务质量达标率", "%", "≥", "90", "92", "9.22", BigDecimal.valueOf(50),
                        "100", BigDecimal.valueOf(50), new io.budgetlens.events.Evidence("服务质量达标率", 0, 1, "t1", 1, null,
                        null)),
                new PerformanceIndicator(null, null, "“三公”经费控制情况", "万元", "≤", "4", "2.81304", "29.67",
                        BigDecimal.valueOf(40), "107", BigDecimal.valueOf(40), new io.budgetlens.events.Evidence("三公", 0, 1,
                        "t1", 2, null, null)));
        PerformanceEvaluation e = new PerformanceEvaluation("t1", "SELF_EVALUATION", "电子政务平台运维", BigDecimal.valueOf(100),
                null, null, null, null, null, null, BigDecimal.TEN, BigDecimal.TEN, indicators);
        List<Finding> findings = new PerformanceTableRule().evaluate(withPerformance(t, e)).findings();
        assertThat(findings).extracting(Finding::messageZh)
                .anySatisfy(m -> assertThat(m).contains("偏离度9.22%"))
                .anySatisfy(m -> assertThat(m).contains("得分系数107"))
                .noneMatch(m -> m.contains("权重合计"));
    }

    @Test
    void requiredTablesFollowTheTemplateFamily() {
        String jiangsu = "公开01表 收支预算总表 公开02表 收入预算总表";
        DisclosureParsed d = Docs.withTables(Docs.narrative(DisclosureKind.BUDGET, jiangsu),
                Docs.table("INCOME_EXPENDITURE_TOTAL", "收支预算总表", List.of("项目", "预算数"), List.of("NAME", "BUDGET"),
                        "合计 | 1"));
        assertThat(TableTypes.family(d)).isEqualTo("JIANGSU");
        List<Finding> missing = new CompletenessRule().evaluate(d).findings().stream()
                .filter(f -> f.messageZh().startsWith("未找到必备表格")).toList();
        assertThat(missing).as("Jiangsu's twelve tables, one present").hasSize(11)
                .anySatisfy(f -> assertThat(f.messageZh()).contains("机关运行经费支出表"))
                .anySatisfy(f -> assertThat(f.messageZh()).contains("财政拨款基本支出表"));
        assertThat(TableTypes.required(DisclosureKind.FINAL_ACCOUNT, "SHANGHAI")).hasSize(9);
        assertThat(TableTypes.required(DisclosureKind.BUDGET, "SHANGHAI")).hasSize(9)
                .contains("STATE_CAPITAL_EXPENDITURE");
        assertThat(TableTypes.required(DisclosureKind.BUDGET, "CHONGQING")).hasSize(8);
        assertThat(TableTypes.ofTitle("一般公共预算基本支出部门预算经济分类预算表")).isEqualTo("GPB_BASIC_EXPENDITURE");
        assertThat(TableTypes.ofTitle("“三公”经费和机关运行经费预算表")).isEqualTo("THREE_PUBLIC");
    }
    /** Jiangsu 09 as the parser reads it: 合计 | “三公”经费 小计 | 出国 | 车辆 小计 | 购置 | 运行 | 接待 | 会议费 | 培训费. */
    private static DisclosureTable jiangsuThreePublic(String row) {
        return Docs.table("THREE_PUBLIC", "“三公”经费、会议费、培训费支出预算表",
                List.of("合计", "小计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费", "会议费",
                        "培训费"),
                List.of("GRAND_TOTAL", "TOTAL", "OVERSEAS", "VEHICLE", "VEHICLE_PURCHASE", "VEHICLE_OPERATION",
                        "RECEPTION", "MEETING", "TRAINING"),
                "合计 | 小计 | 因公出国（境）费 | 小计 | 公务用车购置费 | 公务用车运行维护费 | 公务接待费 | 会议费 | 培训费", row);
    }

    @Test
    void theThreePublicSubtotalIsNotTheGrandTotal() {
        // 三公 508.20 = 70.00 + 411.20 + 27.00; 合计 1,471.70 = 508.20 + 会议费 933.50 + 培训费 30.00
        Rule.Outcome printed = Docs.evaluate(new ThreePublicRule(), jiangsuThreePublic(
                "1,471.70 | 508.20 | 70.00 | 411.20 |  | 411.20 | 27.00 | 933.50 | 30.00"));
        assertThat(printed.findings()).isEmpty();
        assertThat(printed.verdict()).isEqualTo(Verdict.HOLDS);

        assertThat(Docs.evaluate(new ThreePublicRule(), jiangsuThreePublic(
                "1,471.70 | 508.20 | 80.00 | 411.20 |  | 411.20 | 27.00 | 933.50 | 30.00")).findings())
                .singleElement().satisfies(f -> assertThat(f.messageZh()).contains("“三公”经费合计508.2", "之和518.2"));
        assertThat(Docs.evaluate(new ThreePublicRule(), jiangsuThreePublic(
                "1,481.70 | 508.20 | 70.00 | 411.20 |  | 411.20 | 27.00 | 933.50 | 30.00")).findings())
                .singleElement().satisfies(f -> assertThat(f.messageZh()).contains("合计1481.7", "会议费、培训费之和1471.7"));
    }

    @Test
    void aFinalAccountsBudgetAndActualThreePublicBlocksAreCheckedApart() {
        DisclosureTable printed = grouped(Docs.table("THREE_PUBLIC", "财政拨款“三公”经费支出决算表",
                List.of("预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"),
                List.of("TOTAL", "TOTAL", "OVERSEAS", "OVERSEAS", "VEHICLE", "VEHICLE", "RECEPTION", "RECEPTION"),
                "10.00 | 8.00 | 2.00 | 1.00 | 5.00 | 4.50 | 3.00 | 2.50"), "BUDGET", "ACTUAL");
        Rule.Outcome r = Docs.evaluate(new ThreePublicRule(), printed);
        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        DisclosureTable wrong = grouped(Docs.table("THREE_PUBLIC", "财政拨款“三公”经费支出决算表",
                List.of("预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"),
                List.of("TOTAL", "TOTAL", "OVERSEAS", "OVERSEAS", "VEHICLE", "VEHICLE", "RECEPTION", "RECEPTION"),
                "10.00 | 9.00 | 2.00 | 1.00 | 5.00 | 4.50 | 3.00 | 2.50"), "BUDGET", "ACTUAL");
        assertThat(Docs.evaluate(new ThreePublicRule(), wrong).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("合计9", "之和8"));
    }

    /** The table with its columns in the given groups, one after the other (BUDGET, ACTUAL, BUDGET, …). */
    private static DisclosureTable grouped(DisclosureTable t, String... groups) {
        List<io.budgetlens.events.TableColumn> columns = t.columns().stream().map(c -> new io.budgetlens.events
                .TableColumn(c.index(), c.header(), c.role(), groups[c.index() % groups.length])).toList();
        return new DisclosureTable(t.id(), t.type(), t.title(), t.unit(), columns, t.rows(), t.emptyExplanation(),
                t.start(), t.end());
    }

    /** Jiangsu's 收支预算总表: 收入 | 支出(功能分类) | 支出(用途), its sections closed by 当年收入小计. */
    private static DisclosureTable jiangsuTotal(String reserve) {
        return Docs.printed("INCOME_EXPENDITURE_TOTAL", "收支预算总表", """
                项目名称 | 金额 | 功能科目名称 | 金额 | 项目名称 | 金额
                NAME | OTHER | NAME | OTHER | NAME | OTHER
                项目名称 | 金额 | 功能科目名称 | 金额 | 项目名称 | 金额
                一、财政拨款 | 27,664.22 | 一、一般公共服务支出 | 22,395.50 | 一、基本支出 | 11,700.63
                1.一般公共预算 | 27,664.22 | 二、外交支出 |  | 二、项目支出 | 13,025.38
                2.政府性基金预算 |  | 三、国防支出 |  | 三、单位预留机动经费 | %s
                二、财政专户管理资金 |  | 四、公共安全支出 |  |  |
                三、其他资金 |  | 五、教育支出 |  |  |
                 |  | 八、社会保障和就业支出 | 1,374.63 |  |
                 |  | 十八、住房保障支出 | 3,894.09 |  |
                当年收入小计 | 27,664.22 | 当年支出小计 | 当年支出小计 | 当年支出小计 | 27,664.22
                上年结转资金 |  | 结转下年资金 | 结转下年资金 | 结转下年资金 |
                收入合计 | 27,664.22 | 支出合计 | 支出合计 | 支出合计 | 27,664.22
                """.formatted(reserve));
    }

    @Test
    void aSubtotalClosesTheSectionsOfATotalTable() {
        Rule.Outcome printed = Docs.evaluate(new TwoSidedTableRule(), jiangsuTotal("2,938.21"));
        assertThat(printed.findings()).as("当年收入小计 is no row of 三、其他资金").isEmpty();
        assertThat(printed.verdict()).isEqualTo(Verdict.HOLDS);

        Rule.Outcome changed = Docs.evaluate(new TwoSidedTableRule(), jiangsuTotal("2,838.21"));
        assertThat(changed.findings()).extracting(Finding::messageZh).singleElement().satisfies(m -> assertThat(m)
                .contains("当年支出小计", "其下3行合计27564.22"));
    }

    /** Jiangsu's 政府采购预算表: 品目大类, then a project (专项名称 | 经济科目), then its items; a merged project cell. */
    private static DisclosureTable procurement(String printer) {
        return Docs.printed("PROCUREMENT", "2019年政府采购预算表", """
                采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 | 采购组织形式 | 总计
                OTHER | NAME | OTHER | NAME | OTHER | TOTAL
                合计 |  |  |  |  | 164.00
                一、货物A |  |  |  |  | 14.00
                 | 办公设备购置费 | 办公设备购置 |  |  | 14.00
                 |  |  | 台式计算机 | 分散自行组织 | 12.00
                 |  |  | 打印设备 | 分散自行组织 | %s
                三、服务C |  |  |  |  | 150.00
                 | 商品和服务支出 | 会议费 |  |  | 50.00
                 |  |  | 会议服务 | 分散自行组织 | 50.00
                 |  | 培训费 |  |  | 25.00
                 |  |  | 会议服务 | 分散自行组织 | 25.00
                 | 物业管理费 | 物业管理费 |  |  | 75.00
                 |  |  | 物业管理服务 | 政府集中采购 | 75.00
                """.formatted(printer));
    }

    @Test
    void nestedRowsOfAProcurementTableAreNotAddedUpFlat() {
        Rule.Outcome printed = Docs.evaluate(new TotalRowRule(), procurement("2.00"));
        assertThat(printed.findings()).as("合计 164 is not the 11 rows under it (328)").isEmpty();
        assertThat(printed.verdict()).isEqualTo(Verdict.HOLDS);

        Rule.Outcome changed = Docs.evaluate(new TotalRowRule(), procurement("3.00"));
        assertThat(changed.findings()).extracting(Finding::messageZh)
                .anySatisfy(m -> assertThat(m).contains("“办公设备购置费”行总计为14.00,其下2行合计15.00"))
                .anySatisfy(m -> assertThat(m).contains("“一、货物A”行总计为14.00,其下2行合计15.00"))
                .noneSatisfy(m -> assertThat(m).contains("合计行"));
    }

    @Test
    void anEconomicTableInYuanAgainstTheThreePublicTableInWanYuan() {
        DisclosureTable threePublic = Docs.table("THREE_PUBLIC", "2025年部门“三公”经费和机关运行经费预算表",
                List.of("合计", "因公出国(境)费", "公务接待费", "小计"), List.of("TOTAL", "OVERSEAS", "RECEPTION", "VEHICLE"),
                "867.50 | 839.00 | 28.50 | ");
        DisclosureTable economic = Docs.unit(Docs.table("GPB_BASIC_EXPENDITURE", "2025年部门一般公共预算基本支出部门预算经济分类预算表",
                List.of("科目编码", "科目名称", "合计"), List.of("CODE", "NAME", "TOTAL"), "30217 | 公务接待费 | 185,000.00"), "元");
        Rule.Outcome r = Docs.evaluate(new CrossTableRule(), threePublic, economic);
        assertThat(r.findings()).as("185,000.00 元 is 18.5 万元, within 28.50 万元").isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);

        DisclosureTable over = Docs.unit(Docs.table("GPB_BASIC_EXPENDITURE", "2025年部门一般公共预算基本支出部门预算经济分类预算表",
                List.of("科目编码", "科目名称", "合计"), List.of("CODE", "NAME", "TOTAL"), "30217 | 公务接待费 | 385,000.00"), "元");
        assertThat(Docs.evaluate(new CrossTableRule(), threePublic, over).findings())
                .singleElement().satisfies(f -> assertThat(f.messageZh()).contains("30217公务接待费38.50万元", "公务接待费28.50万元"));
    }

    @Test
    void aRowsOwnCodeIsNoAmount() {
        // The national template: the code column read as 合计 (its heading row spans it); the amounts are blank.
        List<String> headers = List.of("合计", "合计", "本年支出合计", "基本支出", "项目支出");
        List<String> roles = List.of("TOTAL", "TOTAL", "TOTAL", "BASIC", "PROJECT");
        DisclosureTable template = Docs.table("EXPENDITURE", "支出决算表", headers, roles,
                "205 | 教育支出 |  |  | ", "20502 | 普通教育 |  |  | ", "2050205 | 高等教育 |  |  | ");
        assertThat(Docs.evaluate(new HierarchyRule(), template).findings()).isEmpty();
        assertThat(Docs.evaluate(new RowSumRule(), template).findings()).isEmpty();

        DisclosureTable filled = Docs.table("EXPENDITURE", "支出决算表", headers, roles,
                "205 | 教育支出 | 10.00 | 10.00 | ", "20502 | 普通教育 | 9.00 | 9.00 | ", "2050205 | 高等教育 | 9.00 | 9.00 | ");
        assertThat(Docs.evaluate(new HierarchyRule(), filled).findings())
                .extracting(Finding::messageZh).anySatisfy(m -> assertThat(m).contains("205 教育支出的本年支出合计为10.00万元,其下1项明细合计9.00"));
    }

    /** Jiangsu 2019 政协's 收支预算总表 as read (abridged): the expenditure side's totals merged across its two groups. */
    private static DisclosureTable zhengxieTotal(String socialSecurity) {
        return Docs.table("INCOME_EXPENDITURE_TOTAL", "收支预算总表",
                List.of("项目名称", "金额", "功能科目名称", "金额", "项目名称", "金额"),
                List.of("NAME", "OTHER", "NAME", "OTHER", "NAME", "OTHER"),
                "一、财政拨款 | 13,297.11 | 一、一般公共服务支出 | 10,271.56 | 一、基本支出 | 6,522.75",
                "1.一般公共预算 | 13,297.11 | 二、外交支出 | | 二、项目支出 | 4,968.34",
                "2.政府性基金预算 | | 三、国防支出 | | 三、单位预留机动经费 | 1,886.02",
                "二、财政专户管理资金 | | 四、公共安全支出 | | | ",
                "三、其他资金 | 80.00 | 五、教育支出 | | | ",
                " | | 八、社会保障和就业支出 | " + socialSecurity + " | | ",
                " | | 十八、住房保障支出 | 2,247.04 | | ",
                "当年收入小计 | 13,377.11 | 当年支出小计 | 当年支出小计 | 当年支出小计 | 13,377.11",
                "上年结转资金 | | 结转下年资金 | 结转下年资金 | 结转下年资金 | ",
                "收入合计 | 13,377.11 | 支出合计 | 支出合计 | 支出合计 | 13,377.11");
    }

    @Test
    void aTotalPrintedOnceForASideIsTheTotalOfEachOfItsGroups() {
        Rule.Outcome printed = Docs.evaluate(new TwoSidedTableRule(), zhengxieTotal("858.51"));
        assertThat(printed.findings()).isEmpty();
        Rule.Outcome changed = Docs.evaluate(new TwoSidedTableRule(), zhengxieTotal("865.51"));
        assertThat(changed.findings()).singleElement().satisfies(f -> {
            assertThat(f.messageZh()).contains("当年支出小计", "13377.11", "13384.11");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.quote()).contains("865.51"));
        });
        // Must not: a merged total that prints no amount is no total of zero.
        DisclosureTable blank = Docs.table("INCOME_EXPENDITURE_TOTAL", "收支预算总表",
                List.of("项目名称", "金额", "功能科目名称", "金额"), List.of("NAME", "OTHER", "NAME", "OTHER"),
                "一、财政拨款 | 100.00 | 一、一般公共服务支出 | 100.00",
                "当年收入小计 | 100.00 | 当年支出小计 | 当年支出小计");
        assertThat(Docs.evaluate(new TwoSidedTableRule(), blank).findings()).isEmpty();
    }

    /** Jiangsu 2019 政协's 收入预算总表 as read: one column of amounts, sources in blocks under their 小计. */
    private static DisclosureTable jiangsuIncome(String other) {
        return Docs.table("INCOME", "收入预算总表", List.of("项目名称", "", "金额"),
                java.util.Arrays.asList("NAME", null, "OTHER"),
                "项目名称 | | 金额",
                "收入总计 | 收入总计 | 13,377.11",
                "一般公共预算资金 | 小计 | 13,297.11",
                " | 公共财政拨款(补助)资金 | 13,297.11",
                " | 专项收入 | ",
                "政府性基金 | 小计 | ",
                "财政专户管理资金 | 小计 | ",
                "其他资金 | 小计 | " + other,
                " | 事业收入 | ",
                " | 经营收入 | ",
                " | 其他收入 | 80.00",
                "上年结转和结余资金 | 小计 | ",
                " | 其中：动用上年结转和结余资金 | ");
    }

    @Test
    void theBlocksOfAOneColumnIncomeTableAddUp() {
        Rule.Outcome printed = Docs.evaluate(new TotalRowRule(), jiangsuIncome("80.00"));
        assertThat(printed.findings()).isEmpty();
        assertThat(printed.checks()).as("two blocks with rows, and the 总计").isEqualTo(3);
        Rule.Outcome changed = Docs.evaluate(new TotalRowRule(), jiangsuIncome("87.00"));
        assertThat(changed.findings()).extracting(Finding::messageZh)
                .anySatisfy(m -> assertThat(m).contains("其他资金小计", "87.00", "80.00"))
                .anySatisfy(m -> assertThat(m).contains("收入总计", "13384.11"));
    }
}
