package io.budgetlens.ingest.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.Box;
import io.budgetlens.ingest.decode.TextTable;
import io.budgetlens.ingest.decode.pdf.PdfReader;
import io.budgetlens.ingest.decode.pdf.PdfText;

/**
 * The layout traps of the genre, each reproduced in a PDF the test writes itself (Latin text; the same traps in
 * Chinese on the real PDFs are in {@link SharedPdfAcceptanceTest}): reading order, a paragraph wrapped over lines and
 * over a page break, running headers, footers and page numbers, ruled tables with spanning cells, text wrapping inside
 * a cell, blank cells, a table continued over pages with its header repeated, and landscape pages made with /Rotate.
 */
class PdfLayoutTest {

    private static PdfText read(byte[] pdf) {
        return PdfReader.read(pdf, PdfReader.Limits.DEFAULT);
    }

    /** A full line of words from the left margin (72) to about the right margin (523). */
    private static String fullLine(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < 82) {
            b.append(" budget");
        }
        return b.toString();
    }

    @Test
    void aParagraphWrappedOverLinesIsOneLineAndTheNextIndentedParagraphStartsAnew() {
        byte[] pdf = new PdfBuilder().page(false)
                .text(72, 100, 10, fullLine("Alpha"))
                .text(72, 113, 10, "ends here.")
                .text(92, 126, 10, "Second paragraph starts indented and is short.")
                .text(72, 139, 10, fullLine("Third"))
                .text(72, 152, 10, "also continues.")
                .bytes();
        List<String> lines = read(pdf).text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Alpha budget").endsWith("budget ends here.");
        assertThat(lines.get(1)).isEqualTo("Second paragraph starts indented and is short.");
        assertThat(lines.get(2)).endsWith("also continues.");
    }

    @Test
    void aSentenceBrokenOverAPageBreakIsOneLineWithoutTheRunningHeaderAndPageNumbers() {
        PdfBuilder builder = new PdfBuilder();
        for (int p = 1; p <= 3; p++) {
            builder.page(false)
                    .text(200, 40, 9, "Department of Examples 2024 Budget")
                    .text(290, 810, 9, "- " + p + " -");
            builder.text(72, 100, 10, "Page " + p + " opens its own paragraph.");
            if (p < 3) {
                builder.text(72, 113, 10, fullLine("Carried"));
            }
            if (p > 1) {
                // Continues the last line of the previous page, at the top of the body.
                builder.text(72, 87, 10, "over the break.");
            }
        }
        PdfText text = read(builder.bytes());
        assertThat(text.text()).doesNotContain("Department of Examples").doesNotContain("- 2 -").doesNotContain("- 3 -");
        assertThat(text.text().lines()).anyMatch(l -> l.startsWith("Carried budget") && l.endsWith("over the break."));
        // Every page's text range is recorded.
        assertThat(text.pages()).extracting(PdfText.Page::number).containsExactly(1, 2, 3);
    }

    @Test
    void aRuledTableWithSpanningCellsWrappedNamesAndBlankCellsIsOneGrid() {
        float[] widths = {120, 80, 80};
        String[][] cells = {
                PdfBuilder.row("Item", "Amount", null),
                PdfBuilder.row(null, "Budget", "Actual"),
                PdfBuilder.row("Total", "30.00", "28.50"),
                PdfBuilder.row("Services", "10.00", ""),
                PdfBuilder.row("", "20.00", "28.50")};
        byte[] pdf = new PdfBuilder().page(false)
                .text(72, 80, 12, "Expenditure table")
                .grid(72, 100, widths, 20, cells)
                // A name wrapping inside its cell: two lines in one cell.
                .text(75, 188, 7, "Goods")
                .text(75, 197, 7, "and equipment")
                .bytes();
        PdfText text = read(pdf);
        assertThat(text.tables()).hasSize(1);
        TextTable table = text.tables().get(0);
        assertThat(table.grid()).containsExactly(
                List.of("Item", "Amount", "Amount"),
                List.of("Item", "Budget", "Actual"),
                List.of("Total", "30.00", "28.50"),
                List.of("Services", "10.00", ""),
                List.of("Goods and equipment", "20.00", "28.50"));
        TextTable.RowPlacement services = table.placements().get(3);
        assertThat(services.page()).isEqualTo(1);
        assertThat(services.cellBoxes().get(2)).as("a blank cell has no box").isNull();
        Box amount = services.cellBoxes().get(1);
        // User space, y upward: the row is 180 points below the top of an A4 page (841.9).
        assertThat(amount.y0()).isBetween(841.9 - 181, 841.9 - 159);
        assertThat(text.text()).contains("Expenditure table\nItem | Amount | Amount\n");
    }

    @Test
    void aTableContinuedOnTheNextPageWithItsHeaderRepeatedIsOneTable() {
        float[] widths = {150, 90};
        String[][] first = {
                PdfBuilder.row("Code", "Amount"),
                PdfBuilder.row("201", "10.00"),
                PdfBuilder.row("20101", "10.00")};
        String[][] second = {
                PdfBuilder.row("Code", "Amount"),
                PdfBuilder.row("208", "5.00"),
                PdfBuilder.row("Total", "15.00")};
        byte[] pdf = new PdfBuilder()
                .page(false).text(72, 700, 12, "Table one").grid(72, 720, widths, 20, first)
                .page(false).grid(72, 60, widths, 20, second)
                .bytes();
        PdfText text = read(pdf);
        assertThat(text.tables()).hasSize(1);
        TextTable table = text.tables().get(0);
        assertThat(table.pages()).containsExactly(1, 2);
        assertThat(table.grid()).extracting(row -> row.get(0)).containsExactly("Code", "201", "20101", "208", "Total");
    }

    @Test
    void aLandscapePageMadeWithRotateIsReadTheWayItIsPrinted() {
        float[] widths = {200, 100, 100};
        String[][] cells = {
                PdfBuilder.row("Income", null, "Expenditure"),
                PdfBuilder.row("Item", "Amount", "Amount"),
                PdfBuilder.row("Appropriation", "27,664.22", "27,664.22")};
        byte[] pdf = new PdfBuilder().page(true)
                .text(300, 60, 14, "Landscape summary table")
                .grid(100, 100, widths, 24, cells)
                .bytes();
        PdfText text = read(pdf);
        assertThat(text.text()).startsWith("Landscape summary table\n");
        TextTable table = text.tables().get(0);
        assertThat(table.grid().get(2)).containsExactly("Appropriation", "27,664.22", "27,664.22");
        assertThat(text.pages().get(0).rotation()).isEqualTo(90);
        // The box is in the unrotated page (595 × 842): display x runs along user y.
        Box cell = table.placements().get(2).cellBoxes().get(1);
        assertThat(cell.y0()).isBetween(300.0, 400.0);
        assertThat(cell.x0()).isBetween(148.0, 172.0);
    }
}
