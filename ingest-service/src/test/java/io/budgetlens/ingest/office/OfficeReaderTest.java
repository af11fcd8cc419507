package io.budgetlens.ingest.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.ingest.decode.DocumentFormat;
import io.budgetlens.ingest.decode.DocumentReader;
import io.budgetlens.ingest.decode.TextTable;
import io.budgetlens.ingest.decode.UndecodableDocumentException;
import io.budgetlens.ingest.decode.UnsupportedFormatException;
import io.budgetlens.ingest.decode.office.OfficeLimitException;
import io.budgetlens.ingest.decode.office.OfficeLimits;
import io.budgetlens.ingest.decode.office.OfficeReader;
import io.budgetlens.ingest.parse.DisclosureParser;

/**
 * Spreadsheets and Word documents read as a person sees them: formulas by the value shown, merged cells expanded
 * the PDF way, blank cells blank, hidden sheets and rows left out, list numbers as Word shows them; and the
 * containers refused with a reason (macros, Word 97-2003, plain ZIP, encrypted, damaged) or over a limit.
 */
class OfficeReaderTest {

    private static DecodedDocument read(byte[] bytes) {
        return DocumentReader.read(bytes, null, null);
    }

    private static TextTable onlyTable(DecodedDocument d) {
        assertThat(d.tables()).hasSize(1);
        return d.tables().get(0);
    }

    @Test
    void aFormulaReadsAsTheValueItShowsFormattedLikeItsCellNeverAsItsText() {
        byte[] xlsx = TestOffice.xlsx(wb -> {
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Sheet s = wb.createSheet("公开01表");
            s.createRow(0).createCell(0).setCellValue("项目");
            s.getRow(0).createCell(1).setCellValue("金额");
            Row a = s.createRow(1);
            a.createCell(0).setCellValue("基本支出");
            a.createCell(1).setCellValue(20000.2);
            a.getCell(1).setCellStyle(money);
            Row b = s.createRow(2);
            b.createCell(0).setCellValue("项目支出");
            b.createCell(1).setCellValue(7664.02);
            b.getCell(1).setCellStyle(money);
            Row total = s.createRow(3);
            total.createCell(0).setCellValue("合计");
            total.createCell(1).setCellFormula("SUM(B2:B3)");
            total.getCell(1).setCellStyle(money);
            Row share = s.createRow(4);
            share.createCell(0).setCellValue("占比");
            share.createCell(1).setCellFormula("B2/B4");
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            share.getCell(1).setCellStyle(percent);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        DecodedDocument d = read(xlsx);
        TextTable t = onlyTable(d);
        assertThat(t.grid()).containsExactly(List.of("项目", "金额"), List.of("基本支出", "20,000.20"),
                List.of("项目支出", "7,664.02"), List.of("合计", "27,664.22"), List.of("占比", "72.30%"));
        assertThat(t.sheet()).isEqualTo("公开01表");
        assertThat(t.cellRefs().get(3)).containsExactly("A4", "B4");
        assertThat(d.text()).doesNotContain("SUM").doesNotContain("B2/B4");
    }

    @Test
    void aFormulaSavedWithoutItsResultIsBlankWithANote() {
        byte[] evaluated = TestOffice.xlsx(wb -> {
            Sheet s = wb.createSheet("表");
            s.createRow(0).createCell(0).setCellValue("合计");
            s.getRow(0).createCell(1).setCellValue(5);
            s.createRow(1).createCell(0).setCellValue("小计");
            s.getRow(1).createCell(1).setCellFormula("B1*2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        // The same file as a generator that never calculates writes it: the formula without its <v> result.
        byte[] uncalculated = TestOffice.rewriteEntry(evaluated, "xl/worksheets/sheet1.xml",
                xml -> xml.replaceAll("(<f>B1\\*2</f>)<v>[^<]*</v>", "$1"));
        DecodedDocument d = read(uncalculated);
        assertThat(onlyTable(d).grid()).containsExactly(List.of("合计", "5"), List.of("小计", ""));
        assertThat(d.notes()).anyMatch(n -> n.contains("1 formula cell(s) have no stored result"));
        assertThat(onlyTable(read(evaluated)).grid().get(1)).containsExactly("小计", "10");
    }

    /**
     * A header cell merged over two columns and two rows heads every position it covers (each with the merged
     * cell's reference); in data rows a label merged across repeats, an amount merged across does not, a group
     * label merged down does not repeat down; blank cells are "" with their own reference.
     */
    @Test
    void mergedCellsOfASheetExpandAsPdfSpansDo() {
        byte[] xlsx = TestOffice.xlsx(wb -> fillMerged(wb.createSheet("公开02表")));
        byte[] xls = TestOffice.xls(wb -> fillMerged(wb.createSheet("公开02表")));
        for (byte[] file : List.of(xlsx, xls)) {
            TextTable t = onlyTable(read(file));
            assertThat(t.grid()).containsExactly(
                    List.of("项目", "项目", "金额"),
                    List.of("项目", "项目", "本年"),
                    List.of("收入总计", "收入总计", "100.00"),
                    List.of("一般公共预算资金", "小计", "60.00"),
                    List.of("", "拨款", ""),
                    List.of("其他资金", "40.00", ""));
            assertThat(t.cellRefs().get(0)).containsExactly("A3", "A3", "C3");
            assertThat(t.cellRefs().get(1)).containsExactly("A3", "A3", "C4");
            assertThat(t.cellRefs().get(4)).containsExactly("A7", "B7", "C7");
            assertThat(t.cellRefs().get(5)).containsExactly("A8", "B8", "C8");
        }
    }

    /** Title rows, a 单位 row split over two cells, the table, a note; a hidden row and a hidden column left out. */
    private static void fillMerged(Sheet s) {
        row(s, 0, "收入预算总表");
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
        row(s, 1, "部门：某某局", null, "单位：万元");
        row(s, 2, "项目", null, "金额");
        s.addMergedRegion(new CellRangeAddress(2, 3, 0, 1));
        row(s, 3, null, null, "本年");
        row(s, 4, "收入总计", null, "100.00");
        s.addMergedRegion(new CellRangeAddress(4, 4, 0, 1));
        row(s, 5, "一般公共预算资金", "小计", "60.00");
        s.addMergedRegion(new CellRangeAddress(5, 6, 0, 0));
        row(s, 6, null, "拨款").createCell(2); // a blank cell that exists
        row(s, 7, "其他资金", "40.00");
        s.addMergedRegion(new CellRangeAddress(7, 7, 1, 2));
        row(s, 8, "隐藏行", "999.00").setZeroHeight(true);
        row(s, 9, null, null, null, "隐藏列");
        s.setColumnHidden(3, true);
        row(s, 11, "注：本表无政府性基金收入。");
    }

    /** Row r with text cells from column A on (null: no cell in that column). */
    private static Row row(Sheet s, int r, String... cells) {
        Row row = s.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
        return row;
    }

    @Test
    void aSheetReadsAsItsCaptionLinesThenItsRowsThenItsNotes() {
        DecodedDocument d = read(TestOffice.xlsx(wb -> fillMerged(wb.createSheet("公开02表"))));
        assertThat(d.text()).isEqualTo("""
                收入预算总表
                部门:某某局 单位:万元
                项目 | 项目 | 金额
                项目 | 项目 | 本年
                收入总计 | 收入总计 | 100.00
                一般公共预算资金 | 小计 | 60.00
                 | 拨款 | \n其他资金 | 40.00 | \n注:本表无政府性基金收入。
                """);
        assertThat(d.text()).doesNotContain("隐藏");
        TextTable t = onlyTable(d);
        assertThat(d.text().substring(t.start(), t.end())).startsWith("项目 | 项目 | 金额").endsWith("其他资金 | 40.00 | ");
    }

    @Test
    void hiddenSheetsAreLeftOutWithANoteAndSheetsReadInWorkbookOrder() {
        byte[] xlsx = TestOffice.xlsx(wb -> {
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("第一页");
            wb.createSheet("底稿").createRow(0).createCell(0).setCellValue("草稿数字");
            wb.createSheet("附表").createRow(0).createCell(0).setCellValue("第二页");
            wb.setSheetHidden(1, true);
        });
        DecodedDocument d = read(xlsx);
        assertThat(d.text()).isEqualTo("第一页\n第二页\n");
        assertThat(d.notes()).containsExactly("Hidden sheets were not read: 底稿.");
    }

    @Test
    void aTableWithoutCaptionTakesItsSheetNameAsTitleUnlessTheNameIsADefault() {
        byte[] xlsx = TestOffice.xlsx(wb -> {
            for (String name : List.of("三公经费支出表", "Sheet2")) {
                Sheet s = wb.createSheet(name);
                s.createRow(0).createCell(0).setCellValue("项目");
                s.getRow(0).createCell(1).setCellValue("金额");
                s.createRow(1).createCell(0).setCellValue("合计");
                s.getRow(1).createCell(1).setCellValue(1.5);
            }
        });
        assertThat(read(xlsx).text()).isEqualTo("三公经费支出表\n项目 | 金额\n合计 | 1.5\n项目 | 金额\n合计 | 1.5\n");
    }

    @Test
    void wordTablesExpandGridSpanAndVMergeAndParagraphsKeepTheirListNumbers() {
        byte[] docx = TestOffice.docx(doc -> {
            BigInteger numId = chineseList(doc);
            XWPFParagraph heading = doc.createParagraph();
            heading.setNumID(numId);
            heading.setNumILvl(BigInteger.ZERO);
            heading.createRun().setText("部门收支总体情况");
            XWPFParagraph second = doc.createParagraph();
            second.setNumID(numId);
            second.setNumILvl(BigInteger.ZERO);
            second.createRun().setText("“三公”经费情况说明");
            doc.createParagraph().createRun().setText("单位：万元");
            XWPFTable table = doc.createTable();
            row(table, 0, cell("项目", 2, STMerge.RESTART), cell("金额", 1, null));
            row(table, 1, cell("", 2, STMerge.CONTINUE), cell("本年", 1, null));
            row(table, 2, cell("收入总计", 2, null), cell("100.00", 1, null));
            row(table, 3, cell("一般公共预算资金", 1, STMerge.RESTART), cell("小计", 1, null), cell("60.00", 1, null));
            row(table, 4, cell("", 1, STMerge.CONTINUE), cell("拨款", 1, null), cell("", 1, null));
            row(table, 5, cell("其他资金", 1, null), cell("40.00", 2, null));
            doc.createParagraph().createRun().setText("注：本表金额保留两位小数。");
        });
        DecodedDocument d = read(docx);
        assertThat(d.format()).isEqualTo(DocumentFormat.DOCX);
        assertThat(d.text()).isEqualTo("""
                一、部门收支总体情况
                二、“三公”经费情况说明
                单位:万元
                项目 | 项目 | 金额
                项目 | 项目 | 本年
                收入总计 | 收入总计 | 100.00
                一般公共预算资金 | 小计 | 60.00
                 | 拨款 | \n其他资金 | 40.00 | \n注:本表金额保留两位小数。
                """);
        TextTable t = onlyTable(d);
        assertThat(t.sheet()).isNull();
        assertThat(t.cellRefs()).isEmpty();
    }

    private record Spec(String text, int span, STMerge.Enum vMerge) {
    }

    private static Spec cell(String text, int span, STMerge.Enum vMerge) {
        return new Spec(text, span, vMerge);
    }

    private static void row(XWPFTable table, int index, Spec... cells) {
        XWPFTableRow row = index == 0 ? table.getRow(0) : table.createRow();
        while (!row.getTableCells().isEmpty()) {
            row.removeCell(0);
        }
        for (Spec spec : cells) {
            XWPFTableCell cell = row.addNewTableCell();
            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            if (spec.span() > 1) {
                pr.addNewGridSpan().setVal(BigInteger.valueOf(spec.span()));
            }
            if (spec.vMerge() != null) {
                pr.addNewVMerge().setVal(spec.vMerge());
            }
            if (!spec.text().isEmpty()) {
                cell.setText(spec.text());
            }
        }
    }

    /** A list numbered 一、 二、 … (chineseCounting, "%1、"). */
    private static BigInteger chineseList(XWPFDocument doc) {
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.ONE);
        CTLvl lvl = abs.addNewLvl();
        lvl.setIlvl(BigInteger.ZERO);
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(STNumberFormat.CHINESE_COUNTING);
        lvl.addNewLvlText().setVal("%1、");
        var numbering = doc.createNumbering();
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abs));
        return numbering.addNum(abstractId);
    }

    @Test
    void aSpreadsheetDisclosureIsParsedWithSheetAndCellOnEveryTableRow() throws IOException {
        List<String> narrative = Files.readAllLines(Path.of("..", "samples", "qianjiang-2024-budget.txt"),
                StandardCharsets.UTF_8);
        byte[] xlsx = TestOffice.xlsx(wb -> {
            Sheet text = wb.createSheet("情况说明");
            for (int i = 0; i < narrative.size(); i++) {
                text.createRow(i).createCell(0).setCellValue(narrative.get(i));
            }
            Sheet s = wb.createSheet("公开08表");
            s.createRow(0).createCell(0).setCellValue("“三公”经费支出预算表");
            s.createRow(1).createCell(0).setCellValue("单位：万元");
            Row h = s.createRow(2);
            String[] heads = {"合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费"};
            for (int c = 0; c < heads.length; c++) {
                h.createCell(c).setCellValue(heads[c]);
            }
            Row v = s.createRow(3);
            double[] values = {6.16, 0, 3.5, 2.66};
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            for (int c = 0; c < values.length; c++) {
                v.createCell(c).setCellValue(values[c]);
                v.getCell(c).setCellStyle(money);
            }
        });
        DisclosureParsed parsed = parse(xlsx, DocumentFormat.XLSX);
        assertThat(parsed.status()).as("%s", parsed.rejectionReasons()).isEqualTo(ParseStatus.PARSED);
        assertThat(parsed.contentType()).isEqualTo(DocumentFormat.XLSX.mediaType());
        DisclosureTable table = parsed.tables().stream().filter(t -> "THREE_PUBLIC".equals(t.type())).findFirst()
                .orElseThrow(() -> new AssertionError("no 三公 table in " + parsed.tables()));
        assertThat(table.sheet()).isEqualTo("公开08表");
        assertThat(table.unit()).isEqualTo("万元");
        assertThat(table.rows().get(1).cells()).containsExactly("6.16", "0.00", "3.50", "2.66");
        assertThat(table.rows().get(1).cellRefs()).containsExactly("A4", "B4", "C4", "D4");
        // Narrative lines of the first sheet are sections and facts, as in the text sample.
        assertThat(parsed.sections()).isNotEmpty();
        assertThat(parsed.meta().fiscalYear()).isEqualTo(2024);
    }

    static DisclosureParsed parse(byte[] bytes, DocumentFormat format) {
        DisclosureReceived received = new DisclosureReceived(DocumentIds.of(bytes), format.mediaType(), null, null,
                "fixture", bytes.length, DocumentIds.of(bytes), Instant.EPOCH, Visibility.PUBLIC, bytes);
        return new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).parse(received);
    }

    @Test
    void containersThatAreNotReadAreRefusedWithTheirName() {
        assertThatThrownBy(() -> read(TestOffice.xlsm())).isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("OFFICE_MACROS").hasMessageContaining("XLSM");
        byte[] docm = TestOffice.withEntries(TestOffice.docx(d -> d.createParagraph().createRun().setText("x")),
                "word/vbaProject.bin", new byte[] {1});
        assertThatThrownBy(() -> read(docm)).isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("OFFICE_MACROS").hasMessageContaining("DOCM");
        assertThatThrownBy(() -> read(TestOffice.doc())).isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("Word 97-2003 document (DOC)");
        assertThatThrownBy(() -> read(TestOffice.excel95())).isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("Excel 5.0/95");
        assertThatThrownBy(() -> read(TestOffice.plainZip())).isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("ZIP_ARCHIVE").hasMessageContaining("upload each file on its own");
        assertThatThrownBy(() -> read(TestOffice.withEntries(TestOffice.plainZip(), "xl/workbook.bin", "")))
                .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("XLSB");
        assertThatThrownBy(() -> read(TestOffice.encryptedXlsx())).isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("OFFICE_ENCRYPTED");
        assertThatThrownBy(() -> read(TestOffice.truncatedXlsx())).isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("OFFICE_UNREADABLE");
        // A macro-enabled content type without the VBA part is refused too.
        byte[] xlsmType = TestOffice.rewriteEntry(TestOffice.xlsxLines("x"), "[Content_Types].xml", xml -> xml.replace(
                "spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml").replace("application/vnd.openxml"
                + "formats-officedocument.sheet.macroEnabled", "application/vnd.ms-excel.sheet.macroEnabled"));
        assertThatThrownBy(() -> OfficeReader.check(xlsmType, DocumentFormat.XLSX, OfficeLimits.DEFAULT))
                .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("OFFICE_MACROS");
    }

    @Test
    void zipBombsAreStoppedByEntryCountUnpackedSizeAndRatioWhateverTheirHeadersSay() {
        assertThatThrownBy(() -> OfficeReader.check(TestOffice.zipBomb(), DocumentFormat.XLSX, OfficeLimits.DEFAULT))
                .isInstanceOf(OfficeLimitException.class).hasMessageContaining("OFFICE_ZIP_BOMB")
                .hasMessageContaining("100 times");
        assertThatThrownBy(() -> OfficeReader.check(TestOffice.manyEntries(), DocumentFormat.XLSX,
                OfficeLimits.DEFAULT)).isInstanceOf(OfficeLimitException.class).hasMessageContaining("2")
                .hasMessageContaining("ZIP entries");
        OfficeLimits small = new OfficeLimits(1_000, 4_000, 100, 64, 100_000, 500_000);
        assertThatThrownBy(() -> OfficeReader.read(TestOffice.xlsxLines("2024年部门预算"), DocumentFormat.XLSX, small))
                .isInstanceOf(OfficeLimitException.class).hasMessageContaining("unpacks to more than 4000 bytes");
        // The parser refuses it the same way: REJECTED with the reason, never an exception.
        DisclosureParsed parsed = parse(TestOffice.zipBomb(), DocumentFormat.XLSX);
        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).anyMatch(r -> r.startsWith("OFFICE_ZIP_BOMB"));
    }

    @Test
    void hugeSheetsAndTooManySheetsAreRefusedAtTheIntakeAndByTheParser() {
        assertThatThrownBy(() -> OfficeReader.check(TestOffice.hugeSheet(), DocumentFormat.XLSX, OfficeLimits.DEFAULT))
                .isInstanceOf(OfficeLimitException.class).hasMessageContaining("OFFICE_SHEET_TOO_LARGE")
                .hasMessageContaining("5000 rows × 26 columns");
        // The parser counts the cells themselves (a sheet's declared range may be wrong or missing).
        byte[] undeclared = TestOffice.rewriteEntry(TestOffice.hugeSheet(), "xl/worksheets/sheet1.xml",
                xml -> xml.replaceAll("<dimension ref=\"[^\"]*\"/>", ""));
        assertThatThrownBy(() -> OfficeReader.read(undeclared, DocumentFormat.XLSX, OfficeLimits.DEFAULT))
                .isInstanceOf(OfficeLimitException.class).hasMessageContaining("A1:Z5000");
        DisclosureParsed parsed = parse(undeclared, DocumentFormat.XLSX);
        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).anyMatch(r -> r.startsWith("OFFICE_SHEET_TOO_LARGE"));
        assertThatThrownBy(() -> OfficeReader.check(TestOffice.sheets(65), DocumentFormat.XLSX, OfficeLimits.DEFAULT))
                .isInstanceOf(OfficeLimitException.class).hasMessageContaining("OFFICE_TOO_MANY_SHEETS");
        OfficeReader.check(TestOffice.sheets(64), DocumentFormat.XLSX, OfficeLimits.DEFAULT);
        // XLS: the same limits from its records.
        byte[] xls = TestOffice.xls(wb -> {
            for (int i = 0; i < 65; i++) {
                wb.createSheet("表" + i).createRow(0).createCell(0).setCellValue(i);
            }
        });
        assertThatThrownBy(() -> OfficeReader.check(xls, DocumentFormat.XLS, OfficeLimits.DEFAULT))
                .isInstanceOf(OfficeLimitException.class).hasMessageContaining("OFFICE_TOO_MANY_SHEETS");
        byte[] bigXls = TestOffice.xls(wb -> {
            Sheet s = wb.createSheet("大表");
            s.createRow(0).createCell(0).setCellValue("预算");
            s.createRow(4999).createCell(25).setCellValue(1);
        });
        assertThatThrownBy(() -> OfficeReader.check(bigXls, DocumentFormat.XLS, OfficeLimits.DEFAULT))
                .isInstanceOf(OfficeLimitException.class).hasMessageContaining("OFFICE_SHEET_TOO_LARGE");
        OfficeLimits fewCells = new OfficeLimits(1_000, 64L << 20, 100, 64, 100_000, 3);
        assertThatThrownBy(() -> OfficeReader.read(TestOffice.xlsxLines("a", "b", "c", "d"), DocumentFormat.XLSX,
                fewCells)).isInstanceOf(OfficeLimitException.class).hasMessageContaining("OFFICE_TOO_LARGE");
    }

    @Test
    void aHugeWordTableIsRefused() {
        byte[] docx = TestOffice.docx(doc -> {
            XWPFTable table = doc.createTable(30, 4);
            table.getRow(0).getCell(0).setText("项目");
        });
        OfficeLimits small = new OfficeLimits(1_000, 64L << 20, 100, 64, 100, 500_000);
        assertThatThrownBy(() -> OfficeReader.read(docx, DocumentFormat.DOCX, small))
                .isInstanceOf(OfficeLimitException.class).hasMessageContaining("30 rows × 4 columns");
    }
}
