package io.budgetlens.ingest.decode.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import io.budgetlens.ingest.decode.UndecodableDocumentException;

/**
 * Reads an XLSX workbook as a stream (SAX over each sheet's XML; no cell objects), so memory follows the values
 * kept, not the file: every visible sheet in workbook order, each cell's text as Excel shows it (numbers and the
 * cached results of formulas formatted with the cell's number format, 27,664.22 stays 27,664.22; never a formula's
 * text), merged regions, hidden rows and columns. Hidden sheets are left out with a note.
 */
final class XlsxReader {

    private XlsxReader() {
    }

    /** A sheet listed in the workbook. */
    record SheetEntry(String name, String relationId, boolean hidden) {
    }

    /** The workbook part: its sheets, and whether dates count from 1904. */
    record Workbook(List<SheetEntry> sheets, boolean date1904) {
    }

    /** The checks the intake makes: a bomb-free ZIP, an openable workbook, not too many sheets. */
    static int check(byte[] bytes, OfficeLimits limits) {
        OfficeContainer.checkZip(bytes, limits);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            Workbook workbook = workbook(reader, limits);
            long total = 0;
            for (SheetEntry entry : workbook.sheets()) {
                if (entry.hidden()) {
                    continue;
                }
                try (InputStream in = reader.getSheet(entry.relationId())) {
                    total += declaredCells(entry.name(), in, limits);
                }
                if (total > limits.maxCells()) {
                    throw new OfficeLimitException("OFFICE_TOO_LARGE: the workbook's sheets declare more than "
                            + limits.maxCells() + " cells (rows × columns of their used ranges) together.");
                }
            }
            return workbook.sheets().size();
        } catch (UndecodableDocumentException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            throw OfficeContainer.unreadable("XLSX", e);
        }
    }

    static OfficeText read(byte[] bytes, OfficeLimits limits) {
        OfficeContainer.checkZip(bytes, limits);
        OfficeText.Builder out = new OfficeText.Builder();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            Workbook workbook = workbook(reader, limits);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            SheetLayout.Workbook layout = new SheetLayout.Workbook(out, limits);
            int formulasWithoutValue = 0;
            for (SheetEntry entry : workbook.sheets()) {
                if (entry.hidden()) {
                    layout.hidden(entry.name());
                    continue;
                }
                SheetModel sheet = new SheetModel(entry.name(), limits.maxCellsPerSheet());
                SheetHandler handler = new SheetHandler(sheet, strings, styles, formatter, workbook.date1904());
                try (InputStream in = reader.getSheet(entry.relationId())) {
                    parse(in, handler);
                }
                formulasWithoutValue += handler.formulasWithoutValue;
                layout.sheet(sheet);
            }
            layout.finish();
            if (formulasWithoutValue > 0) {
                out.note(formulasWithoutValue + " formula cell(s) have no stored result (the file was not "
                        + "calculated when saved) and were read as blank; open and save it in Excel to keep them.");
            }
            return out.build();
        } catch (UndecodableDocumentException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            throw OfficeContainer.unreadable("XLSX", e);
        }
    }

    static Workbook workbook(XSSFReader reader, OfficeLimits limits)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        List<SheetEntry> sheets = new ArrayList<>();
        boolean[] date1904 = {false};
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes a) {
                    if ("sheet".equals(localName)) {
                        String state = a.getValue("state");
                        String id = null;
                        for (int i = 0; i < a.getLength(); i++) {
                            if ("id".equals(a.getLocalName(i))) {
                                id = a.getValue(i);
                            }
                        }
                        sheets.add(new SheetEntry(a.getValue("name"), id, state != null && !"visible".equals(state)));
                        if (sheets.size() > limits.maxSheets()) {
                            throw tooManySheets(limits);
                        }
                    } else if ("workbookPr".equals(localName)) {
                        String v = a.getValue("date1904");
                        date1904[0] = "1".equals(v) || "true".equals(v);
                    }
                }
            });
        }
        if (sheets.isEmpty()) {
            throw new UndecodableDocumentException("OFFICE_UNREADABLE: the workbook has no sheets.");
        }
        return new Workbook(sheets, date1904[0]);
    }

    /**
     * Rows × columns of the used range a sheet declares ({@code <dimension ref="A1:F30"/>}, written by Excel before
     * the cells), read without reading the cells; 0 when it declares none. The parser counts the cells themselves.
     */
    static long declaredCells(String name, InputStream in, OfficeLimits limits)
            throws IOException, SAXException, ParserConfigurationException {
        long[] cells = {0};
        try {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes a)
                        throws SAXException {
                    if ("dimension".equals(localName) && a.getValue("ref") != null) {
                        String ref = a.getValue("ref");
                        CellRangeAddress range = ref.contains(":") ? CellRangeAddress.valueOf(ref)
                                : CellRangeAddress.valueOf(ref + ":" + ref);
                        long rows = (long) range.getLastRow() - range.getFirstRow() + 1;
                        long columns = (long) range.getLastColumn() - range.getFirstColumn() + 1;
                        cells[0] = rows * columns;
                        if (cells[0] > limits.maxCellsPerSheet()) {
                            throw new OfficeLimitException("OFFICE_SHEET_TOO_LARGE: the sheet '" + name + "' uses "
                                    + ref + " (" + rows + " rows × " + columns + " columns); at most "
                                    + limits.maxCellsPerSheet() + " cells (rows × columns) are read per sheet.");
                        }
                    }
                    if ("sheetData".equals(localName)) {
                        throw new StopParsing();
                    }
                }
            });
        } catch (StopParsing stop) {
            // The cells start here: the declaration, if any, has been read.
        }
        return cells[0];
    }

    /** Ends a SAX pass early. */
    private static final class StopParsing extends SAXException {
        StopParsing() {
            super("stop");
        }
    }

    static OfficeLimitException tooManySheets(OfficeLimits limits) {
        return new OfficeLimitException("OFFICE_TOO_MANY_SHEETS: the workbook has more than " + limits.maxSheets()
                + " sheets; at most " + limits.maxSheets() + " are read.");
    }

    private static void parse(InputStream in, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    /** One sheet's XML into a {@link SheetModel}. */
    static final class SheetHandler extends DefaultHandler {
        private final SheetModel sheet;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final DataFormatter formatter;
        private final boolean date1904;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private int row = -1;
        private int column = -1;
        private String type;
        private String style;
        private boolean formula;
        private boolean inValue;
        private boolean inInline;
        private boolean inPhonetic;
        private boolean hasValue;
        int formulasWithoutValue;

        SheetHandler(SheetModel sheet, ReadOnlySharedStringsTable strings, StylesTable styles,
                     DataFormatter formatter, boolean date1904) {
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
            this.formatter = formatter;
            this.date1904 = date1904;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            switch (localName) {
                case "row" -> {
                    String r = a.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                    column = -1;
                    if (isTrue(a.getValue("hidden"))) {
                        sheet.hiddenRows.set(row);
                    }
                }
                case "col" -> {
                    if (isTrue(a.getValue("hidden"))) {
                        int min = Integer.parseInt(a.getValue("min")) - 1;
                        int max = Math.min(Integer.parseInt(a.getValue("max")), 16_384);
                        if (min >= 0 && max > min) {
                            sheet.hiddenColumns.set(min, max);
                        }
                    }
                }
                case "c" -> {
                    String r = a.getValue("r");
                    column = r == null ? column + 1 : new CellReference(r).getCol();
                    type = a.getValue("t");
                    style = a.getValue("s");
                    formula = false;
                    hasValue = false;
                    value.setLength(0);
                    inline.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "is" -> {
                    inInline = true;
                    hasValue = true;
                }
                case "rPh" -> inPhonetic = true;
                case "mergeCell" -> {
                    String ref = a.getValue("ref");
                    if (ref != null) {
                        CellRangeAddress range = CellRangeAddress.valueOf(ref);
                        sheet.merge(range.getFirstRow(), range.getFirstColumn(), range.getLastRow(),
                                range.getLastColumn());
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            } else if (inInline && !inPhonetic) {
                inline.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "is" -> inInline = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    if (!hasValue && formula) {
                        formulasWithoutValue++;
                    }
                    if (hasValue) {
                        sheet.cell(row, column, shown());
                    }
                }
                default -> {
                }
            }
        }

        /** The text Excel shows for the current cell. */
        private String shown() {
            String v = value.toString();
            if (type == null || "n".equals(type)) {
                if (v.isBlank()) {
                    return "";
                }
                double number = Double.parseDouble(v.strip());
                int formatIndex = 0;
                String formatString = null;
                if (styles != null) {
                    XSSFCellStyle s = style != null ? styles.getStyleAt(Integer.parseInt(style))
                            : styles.getNumCellStyles() > 0 ? styles.getStyleAt(0) : null;
                    if (s != null) {
                        formatIndex = s.getDataFormat();
                        formatString = s.getDataFormatString();
                    }
                }
                if (formatString == null) {
                    formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
                }
                if (formatString == null) {
                    formatString = "General";
                }
                return formatter.formatRawCellContents(number, formatIndex, formatString, date1904);
            }
            return switch (type) {
                case "s" -> v.isBlank() ? "" : strings.getItemAt(Integer.parseInt(v.strip())).getString();
                case "inlineStr" -> inline.toString();
                case "b" -> "1".equals(v.strip()) ? "TRUE" : "FALSE";
                default -> v; // "str" (a formula's text result), "e" (#DIV/0!…), "d" (an ISO date)
            };
        }

        private static boolean isTrue(String v) {
            return "1".equals(v) || "true".equals(v);
        }
    }
}
