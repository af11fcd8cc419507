package io.budgetlens.ingest.decode.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import io.budgetlens.ingest.decode.UndecodableDocumentException;

/**
 * Reads a Word document (DOCX) with POI's XWPF: the body in order, each paragraph one line (with its list number,
 * 一、 or (一), as Word shows it), each table in place as a grid with its merged cells expanded the PDF way
 * (horizontal {@code gridSpan}, vertical {@code vMerge}; see {@link SpanGrid}). Headers, footers and footnotes are
 * left out, as running text is in a PDF.
 */
final class DocxReader {

    private DocxReader() {
    }

    static void check(byte[] bytes, OfficeLimits limits) {
        OfficeContainer.checkZip(bytes, limits);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            if (pkg.getPartsByName(java.util.regex.Pattern.compile("/word/document\\.xml")).isEmpty()) {
                throw new UndecodableDocumentException("OFFICE_UNREADABLE: the DOCX has no document part.");
            }
        } catch (UndecodableDocumentException e) {
            throw e;
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw OfficeContainer.unreadable("DOCX", e);
        }
    }

    static OfficeText read(byte[] bytes, OfficeLimits limits) {
        OfficeContainer.checkZip(bytes, limits);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
             XWPFDocument document = new XWPFDocument(pkg)) {
            OfficeText.Builder out = new OfficeText.Builder();
            new Body(document, limits, out).elements(document.getBodyElements());
            return out.build();
        } catch (UndecodableDocumentException e) {
            throw e;
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw OfficeContainer.unreadable("DOCX", e);
        }
    }

    /** Walks the body, numbering lists and counting table cells. */
    private static final class Body {
        private final XWPFDocument document;
        private final OfficeLimits limits;
        private final OfficeText.Builder out;
        private final Map<BigInteger, int[]> counters = new HashMap<>();
        private long cells;

        Body(XWPFDocument document, OfficeLimits limits, OfficeText.Builder out) {
            this.document = document;
            this.limits = limits;
            this.out = out;
        }

        void elements(List<IBodyElement> elements) {
            for (IBodyElement element : elements) {
                if (element instanceof XWPFParagraph p) {
                    out.line(label(p) + p.getText());
                } else if (element instanceof XWPFTable t) {
                    table(t);
                } else if (element instanceof XWPFSDT sdt) {
                    sdt.getContent().getText().lines().forEach(out::line);
                }
            }
        }

        private void table(XWPFTable table) {
            List<XWPFTableRow> rows = table.getRows();
            int width = 0;
            List<List<int[]>> layout = new ArrayList<>();
            for (XWPFTableRow row : rows) {
                int c = gridBefore(row);
                List<int[]> spans = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    int span = gridSpan(cell);
                    spans.add(new int[] {c, span});
                    c += span;
                }
                width = Math.max(width, c);
                layout.add(spans);
            }
            int nr = rows.size();
            long size = (long) nr * width;
            if (size > limits.maxCellsPerSheet()) {
                throw new OfficeLimitException("OFFICE_SHEET_TOO_LARGE: a table of the document has " + nr + " rows × "
                        + width + " columns; at most " + limits.maxCellsPerSheet() + " cells are read per table.");
            }
            cells += size;
            if (cells > limits.maxCells()) {
                throw new OfficeLimitException("OFFICE_TOO_LARGE: the document's tables hold more than "
                        + limits.maxCells() + " cells together.");
            }
            String[][] text = new String[nr][width];
            int[][] ownerRow = new int[nr][width];
            int[][] ownerCol = new int[nr][width];
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < width; c++) {
                    text[r][c] = "";
                    ownerRow[r][c] = r;
                    ownerCol[r][c] = c;
                }
                List<XWPFTableCell> tableCells = rows.get(r).getTableCells();
                for (int k = 0; k < tableCells.size(); k++) {
                    XWPFTableCell cell = tableCells.get(k);
                    int c0 = layout.get(r).get(k)[0];
                    int span = layout.get(r).get(k)[1];
                    boolean continues = r > 0 && continuesVertically(cell);
                    int or = continues ? ownerRow[r - 1][c0] : r;
                    int oc = continues ? ownerCol[r - 1][c0] : c0;
                    if (!continues) {
                        text[r][c0] = cellText(cell);
                    }
                    for (int c = c0; c < c0 + span; c++) {
                        ownerRow[r][c] = or;
                        ownerCol[r][c] = oc;
                    }
                }
            }
            out.table(SpanGrid.expand(text, ownerRow, ownerCol, null).grid(), null, null);
        }

        /** A cell's paragraphs (and nested tables) as one line. */
        private String cellText(XWPFTableCell cell) {
            StringBuilder b = new StringBuilder();
            for (IBodyElement e : cell.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    b.append(label(p)).append(p.getText()).append('\n');
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell inner : row.getTableCells()) {
                            b.append(cellText(inner)).append('\n');
                        }
                    }
                }
            }
            return OfficeText.oneLine(b.toString());
        }

        /** The list number Word shows before a numbered paragraph ("一、", "(二)", "3."), or "". */
        private String label(XWPFParagraph p) {
            BigInteger numId = p.getNumID();
            if (numId == null) {
                return "";
            }
            int level = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
            if (level < 0 || level > 8) {
                return "";
            }
            CTLvl lvl = lvl(numId, level);
            if (lvl == null || lvl.getLvlText() == null || lvl.getLvlText().getVal() == null) {
                return "";
            }
            int[] counter = counters.computeIfAbsent(numId, k -> new int[9]);
            counter[level] = counter[level] == 0 ? start(lvl, numId, level) : counter[level] + 1;
            for (int deeper = level + 1; deeper < 9; deeper++) {
                counter[deeper] = 0;
            }
            String text = lvl.getLvlText().getVal();
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '%' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                    int k = text.charAt(++i) - '1';
                    if (k >= 0 && k < 9) {
                        CTLvl of = k == level ? lvl : lvl(numId, k);
                        String format = of == null || of.getNumFmt() == null ? "decimal"
                                : of.getNumFmt().getVal().toString();
                        label.append(NumberFormats.format(Math.max(counter[k], 1), format));
                    }
                } else {
                    label.append(ch);
                }
            }
            String fmt = lvl.getNumFmt() == null ? "decimal" : lvl.getNumFmt().getVal().toString();
            return "bullet".equals(fmt) || "none".equals(fmt) ? "" : label.toString();
        }

        private int start(CTLvl lvl, BigInteger numId, int level) {
            XWPFNumbering numbering = document.getNumbering();
            if (numbering != null && numbering.getNum(numId) != null
                    && numbering.getNum(numId).getCTNum().getLvlOverrideList() != null) {
                for (var override : numbering.getNum(numId).getCTNum().getLvlOverrideList()) {
                    if (override.getIlvl().intValue() == level && override.getStartOverride() != null) {
                        return override.getStartOverride().getVal().intValue();
                    }
                }
            }
            return lvl.getStart() == null ? 1 : lvl.getStart().getVal().intValue();
        }

        private CTLvl lvl(BigInteger numId, int level) {
            XWPFNumbering numbering = document.getNumbering();
            if (numbering == null) {
                return null;
            }
            BigInteger abstractId = numbering.getAbstractNumID(numId);
            XWPFAbstractNum abstractNum = abstractId == null ? null : numbering.getAbstractNum(abstractId);
            if (abstractNum == null) {
                return null;
            }
            for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlList()) {
                if (lvl.getIlvl() != null && lvl.getIlvl().intValue() == level) {
                    return lvl;
                }
            }
            return null;
        }
    }

    private static int gridBefore(XWPFTableRow row) {
        CTTrPr pr = row.getCtRow().getTrPr();
        if (pr == null) {
            return 0;
        }
        List<CTDecimalNumber> before = pr.getGridBeforeList();
        return before.isEmpty() || before.get(0).getVal() == null ? 0 : Math.max(0, before.get(0).getVal().intValue());
    }

    private static int gridSpan(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || pr.getGridSpan() == null || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.max(1, Math.min(pr.getGridSpan().getVal().intValue(), 1_000));
    }

    /** vMerge without a value, or "continue": the cell continues the one above. */
    private static boolean continuesVertically(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || pr.getVMerge() == null) {
            return false;
        }
        return pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE;
    }
}
