package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
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
 * corpus-expected/table-cells.csv, their types table-types.csv, whole rows table-rows.csv).
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

    /** The types of the samples' tables in reading order (corpus-expected/table-types.csv; blank: no tables). */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/corpus-expected/table-types.csv", delimiter = ';', numLinesToSkip = 1)
    void types(String file, String types) {
        assertThat(CorpusExtractionTest.parsed(file).tables()).extracting(DisclosureTable::type)
                .containsExactly(types == null ? new String[0] : types.split(" "));
    }

    /** Whole rows of the samples' tables as printed (corpus-expected/table-rows.csv). */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvFileSource(resources = "/corpus-expected/table-rows.csv", delimiter = ';', numLinesToSkip = 1)
    void rows(String file, String type, String cells) {
        List<String> printed = Arrays.stream(cells.split("\\|", -1)).map(String::strip).toList();
        assertThat(table(CorpusExtractionTest.parsed(file), type).rows())
                .anySatisfy(r -> assertThat(r.cells()).isEqualTo(printed));
    }

    @Test
    void bananTabTablesAreClassifiedAndTheirColumnsTyped() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "banan-2024-budget.md");

        assertThat(p.tables()).allSatisfy(t -> assertThat(t.unit()).isEqualTo("万元"));
        DisclosureTable gpb = table(p, "GPB_EXPENDITURE");
        assertThat(gpb.title()).isEqualTo("一般公共预算财政拨款支出预算表");
        assertThat(gpb.columns()).extracting(c -> c.role())
                .containsExactly("CODE", "NAME", "TOTAL", "BASIC", "PROJECT");
        assertThat(table(p, "GOVERNMENT_FUND").emptyExplanation()).contains("本部门无政府性基金收支");
        assertThat(table(p, "THREE_PUBLIC").columns()).extracting(c -> c.role()).containsExactly("TOTAL", "OVERSEAS",
                "VEHICLE", "VEHICLE_PURCHASE", "VEHICLE_OPERATION", "RECEPTION");
        assertThat(table(p, "INCOME_EXPENDITURE_TOTAL").title()).isEqualTo("部门收支总表");
    }

    @Test
    void rongchangTablesFlattenedToOneCellPerLineAreRebuiltRowByRow() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "rongchang-2025-unit-budget.txt");

        assertThat(table(p, "INCOME_EXPENDITURE_TOTAL").rows().get(2).cells())
                .containsExactly("合计", "522.61", "合计", "522.61");
        assertThat(table(p, "INCOME").columns().get(0).role()).isEqualTo("CODE");
        assertThat(table(p, "GOVERNMENT_FUND").emptyExplanation()).contains("本单位无政府性基金收支");
        assertThat(table(p, "THREE_PUBLIC").columns()).extracting(c -> c.role()).containsExactly("TOTAL", "OVERSEAS",
                "VEHICLE", "VEHICLE_PURCHASE", "VEHICLE_OPERATION", "RECEPTION");
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
    void performanceSelfEvaluationTablesOfTheFinalAccountsAreTitledAndRead() throws IOException {
        DisclosureParsed jiangjin = CorpusExtractionTest.parse(parser, "jiangjin-2024-final-accounts.txt");
        assertThat(jiangjin.tables().get(1).title()).isEqualTo("2024年度部门整体绩效自评表");
        assertThat(jiangjin.tables().get(1).rows()).anySatisfy(r -> assertThat(r.cells()).contains("95.50"));
    }
}
