package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.ingest.decode.HtmlRendererTest;

/**
 * Tables read from Markdown tab tables (the Banan budget), pipe rows (a portal header block) and HTML grids, with
 * cells checked by row label and column header against the printed document (the samples' cells as data in
 * corpus-expected/table-cells.csv).
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

    /**
     * Cells of the samples' tables by row (code or name) and column header, read from the documents by hand
     * (corpus-expected/table-cells.csv; blank: printed blank).
     */
    @ParameterizedTest(name = "{0} {1} {2} / {3}")
    @CsvFileSource(resources = "/corpus-expected/table-cells.csv", delimiter = ';', numLinesToSkip = 1)
    void cells(String file, String type, String row, String column, String printed) {
        assertThat(cell(table(CorpusExtractionTest.parsed(file), type), row, column))
                .isEqualTo(printed == null ? "" : printed);
    }

    @Test
    void bananTabTablesAreFoundClassifiedAndTheirColumnsTyped() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "banan-2024-budget.md");

        assertThat(p.tables()).extracting(DisclosureTable::type).containsExactly(
                "FISCAL_INCOME_EXPENDITURE_TOTAL", "GPB_EXPENDITURE", "GPB_BASIC_EXPENDITURE", "THREE_PUBLIC",
                "GOVERNMENT_FUND", "INCOME_EXPENDITURE_TOTAL", "EXPENDITURE", "PROCUREMENT", "PERFORMANCE_TARGETS",
                "PERFORMANCE_TARGETS", "PERFORMANCE_TARGETS");
        assertThat(p.tables()).allSatisfy(t -> assertThat(t.unit()).isEqualTo("万元"));

        DisclosureTable gpb = table(p, "GPB_EXPENDITURE");
        assertThat(gpb.title()).isEqualTo("一般公共预算财政拨款支出预算表");
        assertThat(gpb.columns()).extracting(c -> c.role())
                .containsExactly("CODE", "NAME", "TOTAL", "BASIC", "PROJECT");

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

        DisclosureTable unitTotal = table(p, "INCOME_EXPENDITURE_TOTAL");
        assertThat(unitTotal.rows().get(2).cells()).containsExactly("合计", "522.61", "合计", "522.61");
        assertThat(unitTotal.rows()).anySatisfy(r -> assertThat(r.cells())
                .containsExactly("事业收入资金", "", "住房保障支出", "7.81"));
        assertThat(unitTotal.rows()).anySatisfy(r -> assertThat(r.cells())
                .containsExactly("政府性基金预算资金", "", "教育支出", "0.53"));

        DisclosureTable income = table(p, "INCOME");
        assertThat(income.columns().get(0).role()).isEqualTo("CODE");

        assertThat(table(p, "GOVERNMENT_FUND").emptyExplanation()).contains("本单位无政府性基金收支");

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
