package io.budgetlens.ingest.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.ingest.decode.TextTable;

/**
 * Writes the tables of a decoded PDF into an XLSX, an XLS or a DOCX with POI, the way a finance office would lay
 * them out: one sheet per table (its label, title and 部门…单位 lines above it, the title merged across the table),
 * header cells merged over what they head (the PDF's repeated heading text becomes one merged cell), a label
 * printed over several columns merged, a group label merged down over its detail rows, amounts as numbers with the
 * number format the PDF shows (#,##0.00), a 合计 as a SUM formula of its class rows and an amount printed twice as a
 * formula referring to the first, blank cells left blank (some of them formatted). Reading the file back must give
 * the PDF's tables.
 */
public final class OfficeFixtures {

    static final Pattern AMOUNT = Pattern.compile("-?[\\d,]+\\.\\d+");
    static final Pattern LABEL = Pattern.compile("公开\\d{1,2}表");

    /** One table of the PDF: the text lines above it and its grid. */
    public record Source(List<String> captions, List<List<String>> grid) {
    }

    /** Where the generator put things, for the assertions. */
    public static final class Layout {
        /** Per table: the sheet name. */
        public final List<String> sheets = new ArrayList<>();
        /** Per table: the A1 reference of each grid position (the position itself, before merging). */
        public final List<List<List<String>>> refs = new ArrayList<>();
        /** A1 references (sheet!A1) of the cells written as formulas, with the formula. */
        public final Map<String, String> formulas = new LinkedHashMap<>();
        /** Sheet!range of the merged regions written. */
        public final List<String> merges = new ArrayList<>();
    }

    private OfficeFixtures() {
    }

    /** The tables of a decoded PDF with the lines printed between the previous table and each one. */
    public static List<Source> sources(DecodedDocument pdf) {
        List<Source> out = new ArrayList<>();
        int at = 0;
        for (TextTable t : pdf.tables()) {
            List<String> captions = pdf.text().substring(at, t.start()).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            out.add(new Source(captions, t.grid()));
            at = Math.min(pdf.text().length(), t.end() + 1);
        }
        return out;
    }

    public static byte[] xlsx(List<Source> sources, Layout layout) {
        return workbook(XSSFWorkbook::new, sources, layout);
    }

    public static byte[] xls(List<Source> sources, Layout layout) {
        return workbook(HSSFWorkbook::new, sources, layout);
    }

    private static byte[] workbook(Supplier<Workbook> create, List<Source> sources, Layout layout) {
        try (Workbook wb = create.get()) {
            CellStyle amount = wb.createCellStyle();
            amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle plain = wb.createCellStyle();
            plain.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            for (int i = 0; i < sources.size(); i++) {
                Source source = sources.get(i);
                String name = source.captions().stream().filter(c -> LABEL.matcher(c).matches()).findFirst()
                        .orElse("表" + (i + 1));
                Sheet sheet = wb.createSheet(name);
                layout.sheets.add(name);
                List<List<String>> grid = source.grid();
                int width = grid.stream().mapToInt(List::size).max().orElse(1);
                int row = 0;
                // Column A is left empty (spacing, as many templates have); the table starts in column B.
                for (String caption : source.captions()) {
                    Row r = sheet.createRow(row);
                    int unit = caption.indexOf("单位:");
                    if (unit > 0 && width > 1) {
                        r.createCell(1).setCellValue(caption.substring(0, unit).strip());
                        r.createCell(width).setCellValue(caption.substring(unit));
                    } else {
                        r.createCell(1).setCellValue(caption);
                        if (width > 1) {
                            sheet.addMergedRegion(new CellRangeAddress(row, row, 1, width));
                            layout.merges.add(name + "!" + new CellRangeAddress(row, row, 1, width).formatAsString());
                        }
                    }
                    row++;
                }
                int top = row;
                boolean[][] covered = new boolean[grid.size()][width];
                List<int[]> merges = merges(grid, width);
                for (int[] m : merges) {
                    for (int r = m[0]; r <= m[2]; r++) {
                        for (int c = m[1]; c <= m[3]; c++) {
                            covered[r][c] = !(r == m[0] && c == m[1]);
                        }
                    }
                    CellRangeAddress range = new CellRangeAddress(top + m[0], top + m[2], 1 + m[1], 1 + m[3]);
                    sheet.addMergedRegion(range);
                    layout.merges.add(name + "!" + range.formatAsString());
                }
                Map<String, String> firstRefOfValue = new LinkedHashMap<>();
                List<List<String>> refs = new ArrayList<>();
                for (int r = 0; r < grid.size(); r++) {
                    Row xr = sheet.createRow(top + r);
                    List<String> rowRefs = new ArrayList<>();
                    for (int c = 0; c < width; c++) {
                        String ref = new CellReference(top + r, 1 + c).formatAsString(false);
                        rowRefs.add(ref);
                        String text = c < grid.get(r).size() ? grid.get(r).get(c) : "";
                        if (covered[r][c]) {
                            continue;
                        }
                        if (text.isEmpty()) {
                            if ((r + c) % 3 == 0) {
                                xr.createCell(1 + c).setCellStyle(amount); // a formatted blank cell
                            }
                            continue;
                        }
                        Cell cell = xr.createCell(1 + c);
                        if (AMOUNT.matcher(text).matches()) {
                            BigDecimal value = new BigDecimal(text.replace(",", ""));
                            boolean commas = text.contains(",") || value.abs().compareTo(BigDecimal.valueOf(1000)) < 0;
                            cell.setCellStyle(commas ? amount : plain);
                            String formula = sumFormula(grid, r, c, top);
                            String earlier = firstRefOfValue.get(text);
                            if (formula == null && earlier != null) {
                                formula = earlier;
                            }
                            if (formula != null) {
                                cell.setCellFormula(formula);
                                layout.formulas.put(name + "!" + ref, formula);
                            } else {
                                cell.setCellValue(value.doubleValue());
                                firstRefOfValue.put(text, ref);
                            }
                        } else {
                            cell.setCellValue(text);
                        }
                    }
                    refs.add(rowRefs);
                }
                layout.refs.add(refs);
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * "=SUM(D5,D13,D17)" for the amount of a 合计 row in a table of coded rows when it is the sum of the class
     * (3-digit code) rows' amounts in its column; null otherwise.
     */
    static String sumFormula(List<List<String>> grid, int row, int column, int top) {
        if (grid.get(row).stream().noneMatch(c -> c.replace(" ", "").equals("合计"))) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<String> refs = new ArrayList<>();
        for (int r = row + 1; r < grid.size(); r++) {
            List<String> cells = grid.get(r);
            if (!cells.isEmpty() && cells.get(0).matches("\\d{3}") && column < cells.size()
                    && AMOUNT.matcher(cells.get(column)).matches()) {
                sum = sum.add(new BigDecimal(cells.get(column).replace(",", "")));
                refs.add(new CellReference(top + r, 1 + column).formatAsString(false));
            }
        }
        return refs.size() >= 2 && sum.compareTo(new BigDecimal(grid.get(row).get(column).replace(",", ""))) == 0
                ? "SUM(" + String.join(",", refs) + ")" : null;
    }

    /**
     * Merged regions {r0, c0, r1, c1} of a grid whose spans were expanded: in header rows (above the first row with
     * an amount or a code) equal texts side by side and one above the other; in data rows a label repeated across
     * columns, and a group label in the first column with blank cells under it while the second column goes on.
     */
    static List<int[]> merges(List<List<String>> grid, int width) {
        int firstData = grid.size();
        for (int r = 0; r < grid.size() && firstData == grid.size(); r++) {
            for (int c = 0; c < grid.get(r).size(); c++) {
                String t = grid.get(r).get(c);
                if (AMOUNT.matcher(t).matches() || c == 0 && t.matches("\\d{3,7}")) {
                    firstData = r;
                    break;
                }
            }
        }
        boolean[][] used = new boolean[grid.size()][width];
        List<int[]> out = new ArrayList<>();
        for (int r = 0; r < grid.size(); r++) {
            for (int c = 0; c < width; c++) {
                String t = cell(grid, r, c);
                if (used[r][c] || t.isEmpty()) {
                    continue;
                }
                int c1 = c;
                while (c1 + 1 < width && !used[r][c1 + 1] && cell(grid, r, c1 + 1).equals(t)
                        && !AMOUNT.matcher(t).matches()) {
                    c1++;
                }
                int r1 = r;
                if (r < firstData) {
                    while (r1 + 1 < firstData && sameRun(grid, r1 + 1, c, c1, t, used)) {
                        r1++;
                    }
                } else if (c == 0 && c1 == 0 && !AMOUNT.matcher(t).matches()) {
                    while (r1 + 1 < grid.size() && cell(grid, r1 + 1, 0).isEmpty()
                            && !cell(grid, r1 + 1, 1).isEmpty()) {
                        r1++;
                    }
                }
                for (int rr = r; rr <= r1; rr++) {
                    for (int cc = c; cc <= c1; cc++) {
                        used[rr][cc] = true;
                    }
                }
                if (r1 > r || c1 > c) {
                    out.add(new int[] {r, c, r1, c1});
                }
            }
        }
        return out;
    }

    private static boolean sameRun(List<List<String>> grid, int r, int c0, int c1, String t, boolean[][] used) {
        for (int c = c0; c <= c1; c++) {
            if (used[r][c] || !cell(grid, r, c).equals(t)) {
                return false;
            }
        }
        // The run must not go on beside it (then it is a wider cell of that row).
        return (c0 == 0 || !cell(grid, r, c0 - 1).equals(t)) && (c1 + 1 >= grid.get(r).size()
                || !cell(grid, r, c1 + 1).equals(t));
    }

    private static String cell(List<List<String>> grid, int r, int c) {
        return c < grid.get(r).size() ? grid.get(r).get(c) : "";
    }

    /** The same tables as a Word document: captions as paragraphs, tables with gridSpan and vMerge. */
    public static byte[] docx(List<Source> sources) {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (Source source : sources) {
                for (String caption : source.captions()) {
                    doc.createParagraph().createRun().setText(caption);
                }
                List<List<String>> grid = source.grid();
                int width = grid.stream().mapToInt(List::size).max().orElse(1);
                List<int[]> merges = merges(grid, width);
                int[][] region = new int[grid.size()][width];
                for (int[] row : region) {
                    java.util.Arrays.fill(row, -1);
                }
                for (int m = 0; m < merges.size(); m++) {
                    int[] g = merges.get(m);
                    for (int r = g[0]; r <= g[2]; r++) {
                        for (int c = g[1]; c <= g[3]; c++) {
                            region[r][c] = m;
                        }
                    }
                }
                XWPFTable table = doc.createTable();
                for (int r = 0; r < grid.size(); r++) {
                    XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
                    while (!row.getTableCells().isEmpty()) {
                        row.removeCell(0);
                    }
                    int c = 0;
                    while (c < width) {
                        XWPFTableCell cell = row.addNewTableCell();
                        int m = region[r][c];
                        int span = 1;
                        if (m >= 0) {
                            int[] g = merges.get(m);
                            span = g[3] - g[1] + 1;
                            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr()
                                    : cell.getCTTc().addNewTcPr();
                            if (span > 1) {
                                pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                            }
                            if (g[2] > g[0]) {
                                pr.addNewVMerge().setVal(r == g[0] ? STMerge.RESTART : STMerge.CONTINUE);
                            }
                            if (r == g[0]) {
                                cell.setText(cell(grid, r, c));
                            }
                        } else {
                            cell.setText(cell(grid, r, c));
                        }
                        c += span;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
