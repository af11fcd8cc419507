package io.budgetlens.ingest.decode.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import io.budgetlens.ingest.decode.DocumentFormat;
import io.budgetlens.ingest.decode.UndecodableDocumentException;
import io.budgetlens.ingest.decode.UnsupportedFormatException;

/**
 * What an Office container holds, decided from its directory, never from its name or declared type: a ZIP whose
 * entries include {@code xl/workbook.xml} is an XLSX, {@code word/document.xml} a DOCX; an OLE2 file with a
 * {@code Workbook} stream an XLS. Macro-enabled files (a {@code vbaProject.bin}, Excel 4.0 macro sheets, a
 * macro-enabled content type, an XLS with a VBA storage), Word 97-2003, binary or OpenDocument files, presentations
 * and plain ZIP archives are refused (415); an encrypted or damaged container is unreadable (400). Before any
 * reader sees a ZIP, {@link #checkZip} inflates every entry with counters: entry count, unpacked total and
 * compression ratio stop a ZIP bomb whatever its headers claim (413).
 */
public final class OfficeContainer {

    static final String XLSX_MAIN = "xl/workbook.xml";
    static final String DOCX_MAIN = "word/document.xml";

    private OfficeContainer() {
    }

    /** ZIP local-file, empty-archive or spanned-archive signature. */
    public static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7);
    }

    /** OLE2 compound document signature (XLS, DOC, encrypted OOXML). */
    public static boolean isOle2(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0 && (b[4] & 0xFF) == 0xA1 && (b[5] & 0xFF) == 0xB1 && (b[6] & 0xFF) == 0x1A
                && (b[7] & 0xFF) == 0xE1;
    }

    /**
     * The format of a ZIP or OLE2 body, from its directory only (nothing is inflated).
     *
     * @throws UnsupportedFormatException for containers BudgetLens does not read (415)
     * @throws UndecodableDocumentException for damaged or encrypted ones (400)
     */
    public static DocumentFormat format(byte[] bytes) {
        if (isZip(bytes)) {
            return zipFormat(names(bytes));
        }
        if (isOle2(bytes)) {
            return oleFormat(bytes);
        }
        throw new UndecodableDocumentException("OFFICE_UNREADABLE: the body is neither a ZIP nor an OLE2 file.");
    }

    static DocumentFormat zipFormat(Set<String> names) {
        boolean macros = names.stream().anyMatch(n -> n.endsWith("vbaproject.bin") || n.startsWith("xl/macrosheets/")
                || n.endsWith("vbadata.xml"));
        if (names.contains(XLSX_MAIN)) {
            if (macros) {
                throw macros("macro-enabled Excel workbook (XLSM)", "XLSX");
            }
            return DocumentFormat.XLSX;
        }
        if (names.contains(DOCX_MAIN)) {
            if (macros) {
                throw macros("macro-enabled Word document (DOCM)", "DOCX");
            }
            return DocumentFormat.DOCX;
        }
        if (names.contains("xl/workbook.bin")) {
            throw unsupported("an Excel binary workbook (XLSB)", "XLSX");
        }
        if (names.contains("ppt/presentation.xml")) {
            throw unsupported("a PowerPoint presentation (PPTX)", null);
        }
        if (names.contains("mimetype") && names.contains("content.xml")) {
            throw unsupported("an OpenDocument file (ODS/ODT)", "XLSX or DOCX");
        }
        throw new UnsupportedFormatException("ZIP_ARCHIVE: the body is a ZIP archive, not an XLSX or DOCX file. A ZIP "
                + "of several disclosure files is not read here: upload each file on its own");
    }

    /** An Office format BudgetLens does not read, and what to save it as instead (null: nothing to suggest). */
    private static UnsupportedFormatException unsupported(String what, String instead) {
        return new UnsupportedFormatException("OFFICE_UNSUPPORTED: the body is " + what
                + (instead == null ? "" : ", which BudgetLens does not read; save it as " + instead));
    }

    private static UnsupportedFormatException macros(String what, String instead) {
        return new UnsupportedFormatException("OFFICE_MACROS: the body is a " + what + ". Files with macros are "
                + "refused; save it as " + instead + " (without macros) or PDF");
    }

    /** The entry names of a ZIP's central directory, lower-case, with '/' separators. */
    static Set<String> names(byte[] bytes) {
        try (ZipFile zip = open(bytes)) {
            Set<String> names = new TreeSet<>();
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                names.add(e.getName().replace('\\', '/').toLowerCase(Locale.ROOT));
            }
            return names;
        } catch (IOException | RuntimeException e) {
            throw unreadable("ZIP", e);
        }
    }

    static DocumentFormat oleFormat(byte[] bytes) {
        Set<String> entries = oleEntries(bytes);
        if (entries.contains("encryptedpackage") || entries.contains("encryptioninfo")) {
            throw encrypted();
        }
        if (entries.contains("workbook")) {
            if (entries.contains("_vba_project_cur")) {
                throw macros("Excel 97-2003 workbook (XLS) with macros", "XLSX");
            }
            return DocumentFormat.XLS;
        }
        if (entries.contains("book")) {
            throw unsupported("an Excel 5.0/95 workbook", "XLSX");
        }
        if (entries.contains("worddocument")) {
            throw unsupported("a Word 97-2003 document (DOC)", "DOCX or PDF");
        }
        if (entries.contains("powerpoint document")) {
            throw unsupported("a PowerPoint 97-2003 presentation", null);
        }
        throw unsupported("an OLE2 compound file that is not an Excel workbook", null);
    }

    /** The names of the root entries of an OLE2 file, lower-case. */
    static Set<String> oleEntries(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            Set<String> names = new TreeSet<>();
            fs.getRoot().getEntryNames().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
            return names;
        } catch (IOException | RuntimeException e) {
            throw unreadable("OLE2", e);
        }
    }

    /**
     * Inflates every entry of a ZIP with counters and refuses a bomb or a macro-enabled content type. Bounded work:
     * it stops at the first limit passed, having inflated at most {@code maxUnpackedBytes}.
     *
     * @return the entries' names, in directory order
     * @throws OfficeLimitException for too many entries, too many bytes unpacked, or a compression ratio above the
     *                              limit (413)
     */
    public static List<String> checkZip(byte[] bytes, OfficeLimits limits) {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = open(bytes)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw new OfficeLimitException("OFFICE_ZIP_BOMB: the file holds " + entries.size() + " ZIP entries; "
                        + "at most " + limits.maxEntries() + " are read (an XLSX or DOCX has a few dozen).");
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (ZipArchiveEntry entry : entries) {
                names.add(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                long packed = Math.max(1, entry.getCompressedSize());
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                        total += n;
                        if (total > limits.maxUnpackedBytes()) {
                            throw new OfficeLimitException("OFFICE_ZIP_BOMB: the file unpacks to more than "
                                    + limits.maxUnpackedBytes() + " bytes (" + entry.getName() + " and the entries "
                                    + "before it); at most " + limits.maxUnpackedBytes() + " are read.");
                        }
                        if (size > OfficeLimits.GRACE_BYTES && size / packed > limits.maxCompressionRatio()) {
                            throw new OfficeLimitException("OFFICE_ZIP_BOMB: the entry " + entry.getName()
                                    + " unpacks to more than " + limits.maxCompressionRatio() + " times its packed "
                                    + "size (" + packed + " bytes); no document compresses that well.");
                        }
                    }
                }
                if (entry.getName().equals("[Content_Types].xml") && macroContentType(zip, entry)) {
                    throw macros("macro-enabled Office file (its content type says so)", "XLSX or DOCX");
                }
            }
            return names;
        } catch (OfficeLimitException | UnsupportedFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable("ZIP", e);
        }
    }

    private static boolean macroContentType(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            String types = new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
            return types.contains("macroEnabled.main+xml") || types.contains("vbaProject");
        }
    }

    private static ZipFile open(byte[] bytes) throws IOException {
        return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
    }

    static UndecodableDocumentException encrypted() {
        return new UndecodableDocumentException("OFFICE_ENCRYPTED: the file is protected by a password and cannot be "
                + "read. Upload a copy without the password.");
    }

    static UndecodableDocumentException unreadable(String container, Exception e) {
        return new UndecodableDocumentException("OFFICE_UNREADABLE: the file is damaged or not a complete "
                + container + " file (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
    }
}
