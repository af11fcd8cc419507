package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.ingest.decode.HtmlRendererTest;

/**
 * Tables read from Markdown tab tables (the Banan budget), pipe rows (a portal header block) and HTML grids, with
 * cells checked by row label and column header against the printed document.
 */
class TableReaderTest {

    private final DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    /** The cell in the row whose code or name is {@code row} and the column whose header is {@code column}. */
    static String cell(DisclosureTable table, String row, String column) {
        int c = table.columns().stream().filter(col -> column.equals(col.header())).findFirst().orElseThrow(
                () -> new AssertionError("no column " + column + " in " + table.title())).index();
        var r = table.rows().stream().filter(x -> row.equals(x.code()) || row.equals(x.name())).findFirst()
                .or(() -> table.rows().stream().filter(x -> x.cells().contains(row)).findFirst())
                .orElseThrow(() -> new AssertionError("no row " + row + " in " + table.title()));
        return c < r.cells().size() ? r.cells().get(c) : "";
    }

    static DisclosureTable table(DisclosureParsed p, String type) {
        return p.tables().stream().filter(t -> type.equals(t.type())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " table"));
    }

    @Test
    void bananTabTablesAreFoundClassifiedAndReadCellByCell() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "banan-2024-budget.md");

        assertThat(p.tables()).extracting(DisclosureTable::type).containsExactly(
                "FISCAL_INCOME_EXPENDITURE_TOTAL", "GPB_EXPENDITURE", "GPB_BASIC_EXPENDITURE", "THREE_PUBLIC",
                "GOVERNMENT_FUND", "INCOME_EXPENDITURE_TOTAL", "EXPENDITURE", "PROCUREMENT", "PERFORMANCE_TARGETS",
                "PERFORMANCE_TARGETS", "PERFORMANCE_TARGETS");
        assertThat(p.tables()).allSatisfy(t -> assertThat(t.unit()).isEqualTo("万元"));

        DisclosureTable gpb = table(p, "GPB_EXPENDITURE");
        assertThat(gpb.title()).isEqualTo("一般公共预算财政拨款支出预算表");
        assertThat(cell(gpb, "2010306", "项目支出")).isEqualTo("590.00");
        assertThat(cell(gpb, "2010301", "基本支出")).isEqualTo("314.23");
        assertThat(cell(gpb, "201", "总计")).isEqualTo("1,084.23");
        assertThat(cell(gpb, "2080506", "总计")).isEqualTo("8.63");
        assertThat(cell(gpb, "2210201", "基本支出")).isEqualTo("15.08");
        assertThat(cell(gpb, "2101199", "总计")).as("printed blank").isEmpty();
        assertThat(gpb.columns()).extracting(c -> c.role())
                .containsExactly("CODE", "NAME", "TOTAL", "BASIC", "PROJECT");

        DisclosureTable basic = table(p, "GPB_BASIC_EXPENDITURE");
        assertThat(cell(basic, "30217", "日常公用经费")).isEqualTo("0.20");
        assertThat(cell(basic, "30226", "总计")).isEqualTo("155.04");
        assertThat(cell(basic, "301", "人员经费")).isEqualTo("178.82");
        assertThat(cell(basic, "30108", "人员经费")).isEqualTo("17.26");
        assertThat(cell(basic, "合计", "日常公用经费")).isEqualTo("188.28");

        DisclosureTable total = table(p, "FISCAL_INCOME_EXPENDITURE_TOTAL");
        assertThat(cell(total, "一、本年收入", "预算数")).isEqualTo("1,137.10");
        assertThat(cell(total, "一般公共预算资金", "预算数")).isEqualTo("1,137.10");
        assertThat(cell(total, "收入合计", "合计")).isEqualTo("1,137.10");
        assertThat(cell(total, "政府性基金预算资金", "预算数")).isEmpty();
        assertThat(cell(total, "一般公共预算资金", "一般公共预算")).isEqualTo("1,084.23");

        DisclosureTable expenditure = table(p, "EXPENDITURE");
        assertThat(cell(expenditure, "合计", "基本支出")).isEqualTo("367.10");
        assertThat(cell(expenditure, "20103", "项目支出")).isEqualTo("770.00");
        assertThat(cell(expenditure, "2101101", "总计")).isEqualTo("10.79");
        assertThat(cell(expenditure, "22102", "基本支出")).isEqualTo("15.08");
        assertThat(cell(expenditure, "2010302", "项目支出")).isEqualTo("180.00");

        DisclosureTable fund = table(p, "GOVERNMENT_FUND");
        assertThat(fund.emptyExplanation()).contains("本部门无政府性基金收支");

        DisclosureTable threePublic = table(p, "THREE_PUBLIC");
        assertThat(threePublic.columns()).extracting(c -> c.role()).containsExactly("TOTAL", "OVERSEAS", "VEHICLE",
                "VEHICLE_PURCHASE", "VEHICLE_OPERATION", "RECEPTION");
        assertThat(threePublic.rows()).anySatisfy(r -> assertThat(r.cells()).containsExactly("0.20", "", "", "", "",
                "0.20"));

        DisclosureTable department = table(p, "INCOME_EXPENDITURE_TOTAL");
        assertThat(department.title()).isEqualTo("部门收支总表");
        assertThat(department.rows()).anySatisfy(r -> assertThat(r.cells())
                .containsExactly("合计", "1,137.10", "合计", "1,137.10"));
        assertThat(department.rows()).anySatisfy(r -> assertThat(r.cells())
                .containsExactly("政府性基金预算资金", "", "社会保障和就业支出", "25.89"));
        assertThat(cell(department, "国有资本经营预算资金", "预算数")).isEmpty();
        assertThat(department.rows()).anySatisfy(r -> assertThat(r.cells())
                .containsExactly("财政专户管理资金", "", "住房保障支出", "15.08"));
        assertThat(department.rows()).anySatisfy(r -> assertThat(r.cells())
                .containsExactly("一般公共预算资金", "1,137.10", "一般公共服务支出", "1,084.23"));
    }

    @Test
    void rongchangTablesFlattenedToOneCellPerLineAreRebuiltRowByRow() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "rongchang-2025-unit-budget.txt");

        assertThat(p.tables()).extracting(DisclosureTable::type).containsExactly(
                "FISCAL_INCOME_EXPENDITURE_TOTAL", "GPB_EXPENDITURE", "GPB_BASIC_EXPENDITURE", "THREE_PUBLIC",
                "GOVERNMENT_FUND", "INCOME_EXPENDITURE_TOTAL", "INCOME", "EXPENDITURE", "PROCUREMENT",
                "PERFORMANCE_TARGETS");

        DisclosureTable fiscal = table(p, "FISCAL_INCOME_EXPENDITURE_TOTAL");
        assertThat(cell(fiscal, "一、本年收入", "预算数")).isEqualTo("522.61");
        assertThat(cell(fiscal, "教育支出", "合计")).isEqualTo("0.53");
        assertThat(cell(fiscal, "住房保障支出", "一般公共预算")).isEqualTo("7.81");
        assertThat(cell(fiscal, "收入合计", "预算数")).isEqualTo("522.61");
        assertThat(cell(fiscal, "政府性基金预算资金", "预算数")).isEmpty();

        DisclosureTable gpb = table(p, "GPB_EXPENDITURE");
        assertThat(cell(gpb, "合计", "项目支出")).isEqualTo("155.51");
        assertThat(cell(gpb, "2010301", "基本支出")).isEqualTo("333.33");
        assertThat(cell(gpb, "2010302", "项目支出")).isEqualTo("107.23");
        assertThat(cell(gpb, "2010306", "基本支出")).isEmpty();
        assertThat(cell(gpb, "2080599", "总计")).isEqualTo("3.82");

        DisclosureTable basic = table(p, "GPB_BASIC_EXPENDITURE");
        assertThat(cell(basic, "30217", "日常公用经费")).isEqualTo("1.00");
        assertThat(cell(basic, "30217", "人员经费")).isEmpty();
        assertThat(cell(basic, "合计", "人员经费")).isEqualTo("313.99");
        assertThat(cell(basic, "30101", "人员经费")).isEqualTo("19.38");
        assertThat(cell(basic, "30199", "总计")).isEqualTo("215.58");
        assertThat(cell(basic, "30113", "人员经费")).isEqualTo("7.81");

        DisclosureTable unitTotal = table(p, "INCOME_EXPENDITURE_TOTAL");
        assertThat(unitTotal.rows().get(2).cells()).containsExactly("合计", "522.61", "合计", "522.61");
        assertThat(cell(unitTotal, "一般公共预算资金", "预算数")).isEqualTo("522.61");
        assertThat(unitTotal.rows()).anySatisfy(r -> assertThat(r.cells())
                .containsExactly("事业收入资金", "", "住房保障支出", "7.81"));
        assertThat(cell(unitTotal, "国有资本经营预算资金", "预算数")).isEmpty();
        assertThat(unitTotal.rows()).anySatisfy(r -> assertThat(r.cells())
                .containsExactly("政府性基金预算资金", "", "教育支出", "0.53"));

        DisclosureTable income = table(p, "INCOME");
        assertThat(income.columns().get(0).role()).isEqualTo("CODE");
        assertThat(cell(income, "合计", "总计")).isEqualTo("522.61");
        assertThat(cell(income, "201", "一般公共预算拨款收入")).isEqualTo("488.83");
        assertThat(cell(income, "2010306", "总计")).isEqualTo("48.28");
        assertThat(cell(income, "20508", "一般公共预算拨款收入")).isEqualTo("0.53");
        assertThat(cell(income, "2010301", "事业收入")).isEmpty();

        DisclosureTable expenditure = table(p, "EXPENDITURE");
        assertThat(cell(expenditure, "合计", "基本支出")).isEqualTo("367.11");
        assertThat(cell(expenditure, "201", "项目支出")).isEqualTo("155.51");
        assertThat(cell(expenditure, "2010302", "项目支出")).isEqualTo("107.23");
        assertThat(cell(expenditure, "2010301", "项目支出")).isEmpty();
        assertThat(cell(expenditure, "205", "总计")).isEqualTo("0.53");

        assertThat(table(p, "GOVERNMENT_FUND").emptyExplanation()).contains("本单位无政府性基金收支");
        DisclosureTable procurement = table(p, "PROCUREMENT");
        assertThat(cell(procurement, "合计", "总计")).isEqualTo("4.68");
        assertThat(cell(procurement, "合计", "一般公共预算拨款收入")).isEqualTo("4.68");
        assertThat(cell(procurement, "合计", "事业收入")).isEmpty();
        assertThat(cell(procurement, "A", "项目")).isEqualTo("货物");
        assertThat(cell(procurement, "A", "总计")).isEqualTo("4.68");

        DisclosureTable threePublic = table(p, "THREE_PUBLIC");
        assertThat(threePublic.columns()).extracting(c -> c.role()).containsExactly("TOTAL", "OVERSEAS", "VEHICLE",
                "VEHICLE_PURCHASE", "VEHICLE_OPERATION", "RECEPTION");
        assertThat(threePublic.rows()).anySatisfy(r -> assertThat(r.cells()).containsExactly("3.50", "", "2.50", "",
                "2.50", "1.00"));
    }

    @Test
    void portalHeaderBlockAndHtmlTablesWithSpansAreRead() throws IOException {
        byte[] html = HtmlRendererTest.portalPage().getBytes(StandardCharsets.UTF_8);
        DisclosureParsed p = parser.parse(DisclosureParserTest.received(html, "text/html"));

        assertThat(p.tables()).extracting(DisclosureTable::type)
                .containsExactly("HEADER_BLOCK", "FISCAL_INCOME_EXPENDITURE_TOTAL");
        DisclosureTable money = p.tables().get(1);
        assertThat(money.title()).isEqualTo("财政拨款收支总表");
        assertThat(money.unit()).isEqualTo("万元");
        assertThat(cell(money, "社会保障和就业支出", "合计")).isEqualTo("25.89");
        assertThat(money.rows().get(4).cells()).as("rowspan repeated into the next row")
                .startsWith("一般公共预算资金", "1,137.10");
        assertThat(p.text().substring(money.start(), money.end())).startsWith("收入 | 收入 | 支出");
        assertThat(p.meta().indexNumber()).isEqualTo("11500000MB0000000X/2024-00001");
        assertThat(p.meta().publicationDate()).hasToString("2024-02-06");
    }

    @Test
    void performanceSelfEvaluationTablesOfTheFinalAccountsAreFoundAndTyped() throws IOException {
        DisclosureParsed jiangjin = CorpusExtractionTest.parse(parser, "jiangjin-2024-final-accounts.txt");
        assertThat(jiangjin.tables()).extracting(DisclosureTable::type)
                .containsExactly("HEADER_BLOCK", "PERFORMANCE_SELF_EVALUATION", "PERFORMANCE_SELF_EVALUATION");
        assertThat(jiangjin.tables().get(1).title()).isEqualTo("2024年度部门整体绩效自评表");
        assertThat(jiangjin.tables().get(1).rows()).anySatisfy(r -> assertThat(r.cells()).contains("95.50"));

        DisclosureParsed wulong = CorpusExtractionTest.parse(parser, "wulong-2020-final-accounts.txt");
        assertThat(wulong.tables()).extracting(DisclosureTable::type).containsExactly("PERFORMANCE_SELF_EVALUATION");
        assertThat(CorpusExtractionTest.parse(parser, "qianjiang-2024-budget.txt").tables())
                .as("the Qianjiang budget prints no tables").isEmpty();
    }
}
