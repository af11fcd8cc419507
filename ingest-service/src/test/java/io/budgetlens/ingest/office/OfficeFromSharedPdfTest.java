package io.budgetlens.ingest.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.TableRow;
import io.budgetlens.ingest.decode.DocumentFormat;
import io.budgetlens.ingest.decode.DocumentReader;
import io.budgetlens.ingest.pdf.PdfDevDump;
import io.budgetlens.ingest.pdf.PdfExpectations;
import io.budgetlens.testsupport.SharedPdfs;

/**
 * The tables of a shared Jiangsu PDF written by the test into an XLSX, an XLS and a DOCX ({@link OfficeFixtures}:
 * merged headers and labels, a group label merged down, amounts as formatted numbers, SUM and reference formulas,
 * blank cells) read back to the same tables as the PDF: same types, labels, titles, units, every cell, the same
 * metadata and summary, and the values read from the PDF by hand. Spreadsheet tables name their sheet and every
 * cell its A1 reference; evidence taken from a table cell points to the workbook's cell holding that value.
 */
class OfficeFromSharedPdfTest {

    static final String NAME = "jiangsu-2019-dept-budget-zhengxie-tables";

    static DisclosureParsed pdf;
    static List<OfficeFixtures.Source> sources;

    @BeforeAll
    static void readThePdf() {
        if (SharedPdfs.folder() == null) {
            return;
        }
        pdf = PdfDevDump.parse(NAME);
        sources = OfficeFixtures.sources(DocumentReader.read(SharedPdfs.bytes(NAME), "application/pdf", null));
    }

    private static OfficeFixtures.Layout layout;

    static byte[] fixture(DocumentFormat format) {
        layout = new OfficeFixtures.Layout();
        return switch (format) {
            case XLSX -> OfficeFixtures.xlsx(sources, layout);
            case XLS -> OfficeFixtures.xls(sources, layout);
            case DOCX -> OfficeFixtures.docx(sources);
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    @ParameterizedTest
    @EnumSource(value = DocumentFormat.class, names = {"XLSX", "XLS", "DOCX"})
    void readsToTheSameTablesAndValuesAsThePdf(DocumentFormat format) {
        assumeTrue(pdf != null, SharedPdfs.missingMessage());
        assertThat(pdf.tables()).hasSize(12);
        DisclosureParsed office = OfficeReaderTest.parse(fixture(format), format);
        assertThat(office.status()).as("%s", office.rejectionReasons()).isEqualTo(ParseStatus.PARSED);
        assertThat(office.meta()).isEqualTo(pdf.meta());
        assertThat(office.isPartial()).isEqualTo(pdf.isPartial()).isTrue();
        assertThat(office.tables()).hasSameSizeAs(pdf.tables());
        for (int i = 0; i < pdf.tables().size(); i++) {
            DisclosureTable p = pdf.tables().get(i);
            DisclosureTable o = office.tables().get(i);
            String which = format + " " + p.label() + " " + p.title();
            assertThat(o.type()).as(which).isEqualTo(p.type());
            assertThat(o.label()).as(which).isEqualTo(p.label());
            assertThat(o.title()).as(which).isEqualTo(p.title());
            assertThat(o.unit()).as(which).isEqualTo(p.unit());
            assertThat(o.columns()).as(which).isEqualTo(p.columns());
            assertThat(o.rows().stream().map(TableRow::cells).toList()).as(which)
                    .isEqualTo(p.rows().stream().map(TableRow::cells).toList());
            assertThat(o.rows().stream().map(TableRow::code).toList()).as(which)
                    .isEqualTo(p.rows().stream().map(TableRow::code).toList());
            assertThat(o.pages()).as("no pages outside a PDF").isNull();
            if (format == DocumentFormat.DOCX) {
                assertThat(o.sheet()).isNull();
            } else {
                assertThat(o.sheet()).as(which).isEqualTo(layout.sheets.get(i));
                assertThat(o.rows()).as(which).allSatisfy(row -> assertThat(row.cellRefs())
                        .hasSameSizeAs(row.cells()).doesNotContainNull());
            }
        }
        assertThat(office.summary().keySet()).isEqualTo(pdf.summary().keySet());
        pdf.summary().forEach((key, entry) -> assertThat(office.summary().get(key).value()).as(key)
                .isEqualByComparingTo(entry.value()));
        // The values read from the PDF by hand, found in the Office file's tables (matched by their label).
        JsonNode expected = PdfExpectations.expected(NAME);
        int checked = 0;
        for (JsonNode t : expected.path("tables")) {
            DisclosureTable table = office.tables().stream()
                    .filter(o -> t.path("label").asText().equals(o.label())).findFirst().orElseThrow();
            for (JsonNode cell : t.path("cells")) {
                String want = cell.path("value").asText().replace(",", "");
                String got = PdfExpectations.cellValue(table, cell.path("row").asText(), cell.path("column").asText());
                if (want.isEmpty() && table.rows().stream().allMatch(r -> r.cells().stream()
                        .noneMatch(c -> c.matches("[\\d,]+\\.\\d+")))) {
                    got = ""; // a table printed empty: every cell is blank (as PdfExpectations reads it)
                }
                assertThat(got).as("%s %s [%s / %s]", format, t.path("title").asText(), cell.path("row").asText(),
                        cell.path("column").asText()).isEqualTo(want);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void formulasReadAsTheValuesThePdfPrints() {
        assumeTrue(pdf != null, SharedPdfs.missingMessage());
        byte[] xlsx = fixture(DocumentFormat.XLSX);
        assertThat(layout.formulas.values()).anyMatch(f -> f.startsWith("SUM("));
        assertThat(layout.formulas).hasSizeGreaterThan(10);
        DisclosureParsed office = OfficeReaderTest.parse(xlsx, DocumentFormat.XLSX);
        assertThat(office.text()).doesNotContain("SUM(");
        int sums = 0;
        for (var formula : layout.formulas.entrySet()) {
            String sheet = formula.getKey().substring(0, formula.getKey().indexOf('!'));
            String ref = formula.getKey().substring(formula.getKey().indexOf('!') + 1);
            int t = layout.sheets.indexOf(sheet);
            DisclosureTable table = office.tables().get(t);
            DisclosureTable printed = pdf.tables().get(t);
            TableRow row = table.rows().stream().filter(r -> r.cellRefs().contains(ref)).findFirst().orElseThrow();
            int column = row.cellRefs().indexOf(ref);
            // The cell shows what the PDF prints there (e.g. 13,297.11 for =SUM(D6,D13,D17)).
            assertThat(row.cells().get(column)).as(formula.toString())
                    .isEqualTo(printed.rows().get(row.index()).cells().get(column)).matches("[\\d,]+\\.\\d\\d");
            sums += formula.getValue().startsWith("SUM(") ? 1 : 0;
        }
        assertThat(sums).isGreaterThanOrEqualTo(4);
    }

    @Test
    void mergedCellsAndBlankCellsKeepTheirSheetReferences() {
        assumeTrue(pdf != null, SharedPdfs.missingMessage());
        byte[] xlsx = fixture(DocumentFormat.XLSX);
        DisclosureParsed office = OfficeReaderTest.parse(xlsx, DocumentFormat.XLSX);
        DisclosureTable total = office.tables().get(0);
        // 收入 heads B:C and 支出 heads D:G in merged cells: each column reads its heading, pointing at the merge.
        assertThat(layout.merges).contains("公开01表!B4:C4", "公开01表!D4:G4");
        assertThat(total.rows().get(0).cells()).containsExactly("收入", "收入", "支出", "支出", "支出", "支出");
        assertThat(total.rows().get(0).cellRefs()).containsExactly("B4", "B4", "D4", "D4", "D4", "D4");
        // 项目名称 merged down over two header rows reads in both.
        assertThat(total.rows().get(1).cells().get(0)).isEqualTo("项目名称");
        assertThat(total.rows().get(2).cells().get(0)).isEqualTo("项目名称");
        assertThat(total.rows().get(2).cellRefs().get(0)).isEqualTo("B5");
        // A group label merged down over its detail rows (收入预算总表) is read once, the cells under it blank.
        DisclosureTable income = office.tables().get(1);
        TableRow group = income.rows().stream().filter(r -> r.cells().get(0).equals("一般公共预算资金"))
                .findFirst().orElseThrow();
        TableRow detail = income.rows().get(group.index() + 1);
        assertThat(detail.cells().get(0)).isEmpty();
        assertThat(layout.merges).contains("公开02表!" + group.cellRefs().get(0) + ":B"
                + (Integer.parseInt(group.cellRefs().get(0).substring(1)) + 2));
        // Blank cells are "" and still name their cell.
        TableRow blank = total.rows().stream().filter(r -> r.cells().get(1).isEmpty()).findFirst().orElseThrow();
        assertThat(blank.cellRefs().get(1)).matches("C\\d+");
    }

    @Test
    void evidenceFromATableCellPointsToTheSheetAndCellHoldingTheValue() throws IOException {
        assumeTrue(pdf != null, SharedPdfs.missingMessage());
        byte[] xlsx = fixture(DocumentFormat.XLSX);
        DisclosureParsed office = OfficeReaderTest.parse(xlsx, DocumentFormat.XLSX);
        List<String> checked = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter shown = new DataFormatter(Locale.ROOT);
            for (var e : office.summary().entrySet()) {
                SummaryEntry entry = e.getValue();
                Evidence evidence = entry.evidence();
                if (evidence == null || evidence.tableId() == null || evidence.column() == null) {
                    continue;
                }
                DisclosureTable table = office.tables().stream().filter(t -> t.id().equals(evidence.tableId()))
                        .findFirst().orElseThrow();
                TableRow row = table.rows().get(evidence.row());
                String ref = row.cellRefs().get(evidence.column());
                CellReference at = new CellReference(ref);
                var sheetRow = wb.getSheet(table.sheet()).getRow(at.getRow());
                Cell cell = sheetRow == null ? null : sheetRow.getCell(at.getCol());
                String value;
                if (cell == null) {
                    value = "";
                } else if (cell.getCellType() == CellType.FORMULA) {
                    value = shown.formatRawCellContents(cell.getNumericCellValue(),
                            cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
                } else {
                    value = shown.formatCellValue(cell);
                }
                assertThat(value).as("%s at %s!%s", e.getKey(), table.sheet(), ref)
                        .isEqualTo(row.cells().get(evidence.column()));
                // A blank cell is a zero (a standard table prints nothing for none).
                assertThat(entry.value()).as(e.getKey())
                        .isEqualByComparingTo(value.isEmpty() ? "0" : value.replace(",", ""));
                checked.add(e.getKey() + "@" + table.sheet() + "!" + ref);
            }
        }
        assertThat(checked).as("summary entries read from a table cell").hasSizeGreaterThanOrEqualTo(5);
    }
}
