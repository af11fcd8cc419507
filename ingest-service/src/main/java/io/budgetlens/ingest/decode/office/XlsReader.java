package io.budgetlens.ingest.decode.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DimensionsRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import io.budgetlens.ingest.decode.UndecodableDocumentException;

/**
 * Reads an Excel 97-2003 workbook (XLS) with POI's HSSF. Before the workbook is built, one pass over its records
 * counts sheets and stored cells (a 10 MiB XLS can hold millions of blank formatted cells, and HSSF makes an object
 * of each), so an oversized workbook is refused without the memory it would cost. Cells are read as Excel shows
 * them: formulas by their stored result, formatted like the cell.
 */
final class XlsReader {

    private XlsReader() {
    }

    /** Sheets and stored cells (blank formatted cells included), counted from the records. */
    record Census(int sheets, long cells) {
    }

    static Census check(byte[] bytes, OfficeLimits limits) {
        return inContainer(bytes, fs -> census(fs, limits));
    }

    static OfficeText read(byte[] bytes, OfficeLimits limits) {
        return inContainer(bytes, fs -> {
            census(fs, limits);
            return text(fs, limits);
        });
    }

    /** What is read from the workbook's OLE2 container. */
    @FunctionalInterface
    private interface ContainerRead<T> {
        T from(POIFSFileSystem fs) throws IOException;
    }

    /** Opens the container and reads it; an encrypted or unreadable workbook is refused as such. */
    private static <T> T inContainer(byte[] bytes, ContainerRead<T> read) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return read.from(fs);
        } catch (UndecodableDocumentException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw OfficeContainer.encrypted();
        } catch (IOException | RuntimeException e) {
            throw OfficeContainer.unreadable("XLS", e);
        }
    }

    private static Census census(POIFSFileSystem fs, OfficeLimits limits) throws IOException {
        int sheets = 0;
        long cells = 0;
        try (InputStream in = fs.createDocumentInputStream(HSSFWorkbook.getWorkbookDirEntryName(fs.getRoot()))) {
            RecordFactoryInputStream records = new RecordFactoryInputStream(in, false);
            Record record;
            while ((record = records.nextRecord()) != null) {
                if (record instanceof BoundSheetRecord) {
                    sheets++;
                    if (sheets > limits.maxSheets()) {
                        throw XlsxReader.tooManySheets(limits);
                    }
                } else if (record instanceof DimensionsRecord d) {
                    long rows = Math.max(0, d.getLastRow() - d.getFirstRow());
                    long columns = Math.max(0, d.getLastCol() - d.getFirstCol());
                    if (rows * columns > limits.maxCellsPerSheet()) {
                        throw new OfficeLimitException("OFFICE_SHEET_TOO_LARGE: a sheet of the workbook uses " + rows
                                + " rows × " + columns + " columns; at most " + limits.maxCellsPerSheet()
                                + " cells (rows × columns) are read per sheet.");
                    }
                } else if (record instanceof MulBlankRecord m) {
                    cells += m.getNumColumns();
                } else if (record instanceof MulRKRecord m) {
                    cells += m.getNumColumns();
                } else if (record instanceof CellValueRecordInterface) {
                    cells++;
                }
                if (cells > limits.maxCells()) {
                    throw new OfficeLimitException("OFFICE_TOO_LARGE: the workbook stores more than "
                            + limits.maxCells() + " cells (blank formatted cells included); at most "
                            + limits.maxCells() + " are read.");
                }
            }
        }
        if (sheets == 0) {
            throw new UndecodableDocumentException("OFFICE_UNREADABLE: the workbook has no sheets.");
        }
        return new Census(sheets, cells);
    }

    private static OfficeText text(POIFSFileSystem fs, OfficeLimits limits) throws IOException {
        OfficeText.Builder out = new OfficeText.Builder();
        try (HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true);
            SheetLayout.Workbook layout = new SheetLayout.Workbook(out, limits);
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                Sheet s = workbook.getSheetAt(i);
                if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
                    layout.hidden(s.getSheetName());
                    continue;
                }
                SheetModel sheet = new SheetModel(s.getSheetName(), limits.maxCellsPerSheet());
                int lastColumn = 0;
                for (Row row : s) {
                    if (row.getZeroHeight()) {
                        sheet.hiddenRows.set(row.getRowNum());
                    }
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell);
                        sheet.cell(row.getRowNum(), cell.getColumnIndex(), text);
                        lastColumn = Math.max(lastColumn, cell.getColumnIndex());
                    }
                }
                for (int c = 0; c <= lastColumn; c++) {
                    if (s.isColumnHidden(c)) {
                        sheet.hiddenColumns.set(c);
                    }
                }
                for (CellRangeAddress m : s.getMergedRegions()) {
                    sheet.merge(m.getFirstRow(), m.getFirstColumn(), m.getLastRow(), m.getLastColumn());
                }
                layout.sheet(sheet);
            }
            layout.finish();
        }
        return out.build();
    }
}
