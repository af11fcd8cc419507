package io.budgetlens.ingest.office;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Spreadsheets, Word files and hostile containers the tests write (nothing is checked in). */
public final class TestOffice {

    private TestOffice() {
    }

    public static byte[] xlsx(Consumer<XSSFWorkbook> fill) {
        return write(XSSFWorkbook::new, fill);
    }

    public static byte[] xls(Consumer<HSSFWorkbook> fill) {
        return write(HSSFWorkbook::new, fill);
    }

    public static byte[] docx(Consumer<XWPFDocument> fill) {
        return write(XWPFDocument::new, fill);
    }

    /** A document of POI's made, filled and written to bytes. */
    private static <T extends Closeable> byte[] write(Supplier<T> create, Consumer<T> fill) {
        try (T document = create.get()) {
            fill.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (document instanceof POIXMLDocument ooxml) {
                ooxml.write(out);
            } else {
                ((HSSFWorkbook) document).write(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a ZIP with one entry's text changed. */
    public static byte[] rewriteEntry(byte[] zip, String name, UnaryOperator<String> change) {
        return copy(zip, name, change);
    }

    /** A small workbook with one sheet holding the given lines in column A. */
    public static byte[] xlsxLines(String... lines) {
        return xlsx(wb -> {
            var sheet = wb.createSheet("说明");
            for (int i = 0; i < lines.length; i++) {
                sheet.createRow(i).createCell(0).setCellValue(lines[i]);
            }
        });
    }

    /** A copy of a ZIP with entries added (name, content) at the end. */
    public static byte[] withEntries(byte[] zip, Object... nameAndContent) {
        return copy(zip, null, null, nameAndContent);
    }

    private static byte[] copy(byte[] zip, String changed, UnaryOperator<String> change, Object... nameAndContent) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    if (e.getName().equals(changed)) {
                        content = change.apply(new String(content, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                    out.closeEntry();
                }
                for (int i = 0; i < nameAndContent.length; i += 2) {
                    out.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                    Object content = nameAndContent[i + 1];
                    out.write(content instanceof byte[] b ? b : content.toString().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A macro-enabled workbook: an XLSX with a VBA project in it. */
    public static byte[] xlsm() {
        return withEntries(xlsxLines("2024年部门预算"), "xl/vbaProject.bin", new byte[] {(byte) 0xD0, (byte) 0xCF, 1, 2});
    }

    /** An XLSX with an entry of 20 MiB of one repeated byte (it packs to some 20 KB: a ratio of about 1000). */
    public static byte[] zipBomb() {
        byte[] filler = new byte[20 * 1024 * 1024];
        Arrays.fill(filler, (byte) ' ');
        return withEntries(xlsxLines("2024年部门预算"), "xl/media/padding.bin", filler);
    }

    /** An XLSX with 2,000 empty entries besides its own. */
    public static byte[] manyEntries() {
        Object[] entries = new Object[4000];
        for (int i = 0; i < 2000; i++) {
            entries[2 * i] = "xl/extra/e" + i + ".xml";
            entries[2 * i + 1] = "";
        }
        return withEntries(xlsxLines("2024年部门预算"), entries);
    }

    /** A sheet whose values span A1:Z5000 (130,000 cells of range). */
    public static byte[] hugeSheet() {
        return xlsx(wb -> {
            var sheet = wb.createSheet("大表");
            sheet.createRow(0).createCell(0).setCellValue("2024年部门预算");
            sheet.createRow(4999).createCell(25).setCellValue(1);
        });
    }

    public static byte[] sheets(int count) {
        return xlsx(wb -> {
            for (int i = 0; i < count; i++) {
                wb.createSheet("表" + (i + 1)).createRow(0).createCell(0).setCellValue("预算" + i);
            }
        });
    }

    /** The first half of an XLSX: its central directory is gone. */
    public static byte[] truncatedXlsx() {
        byte[] whole = xlsxLines("2024年部门预算", "单位：万元");
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** A plain ZIP archive of two text files. */
    public static byte[] plainZip() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (String name : new String[] {"a.txt", "b.txt"}) {
                    out.putNextEntry(new ZipEntry(name));
                    out.write("2024年部门预算".getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OLE2 file with a WordDocument stream: what a Word 97-2003 .doc looks like from its directory. */
    public static byte[] doc() {
        return ole("WordDocument");
    }

    /** An OLE2 file with an Excel 95 "Book" stream. */
    public static byte[] excel95() {
        return ole("Book");
    }

    private static byte[] ole(String stream) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[512]), stream);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XLSX encrypted with a password (an OLE2 file holding EncryptionInfo and EncryptedPackage). */
    public static byte[] encryptedXlsx() {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsxLines("2024年部门预算")));
                 OutputStream os = encryptor.getDataStream(fs)) {
                pkg.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
