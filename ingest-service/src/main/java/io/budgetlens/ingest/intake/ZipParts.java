package io.budgetlens.ingest.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of one disclosure sent as a ZIP archive: each file becomes a part. Bounded against archive bombs: at most
 * {@link #MAX_ENTRIES} files, the uncompressed bytes counted as they are read and refused past the document limit,
 * no archive inside the archive. Folders, macOS metadata and hidden files are skipped; names keep only their last
 * path segment, without control characters.
 */
public final class ZipParts {

    public static final int MAX_ENTRIES = 20;

    private ZipParts() {
    }

    /**
     * Whether a body is a plain ZIP archive of files: ZIP entries and no [Content_Types].xml (an Office document is a
     * ZIP too, whatever it is declared as). A damaged ZIP is left to the Office reader, which says what is wrong.
     */
    public static boolean isArchive(String declaredMediaType, byte[] bytes) {
        boolean zipMagic = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (!zipMagic) {
            return false;
        }
        String declared = declaredMediaType == null ? "" : declaredMediaType.toLowerCase(Locale.ROOT);
        if (declared.contains("officedocument") || declared.contains("msword") || declared.contains("ms-excel")
                || declared.contains("opendocument")) {
            return false;
        }
        if (declared.startsWith("application/vnd.openxmlformats-officedocument.")
                || declared.startsWith("application/vnd.ms-")) {
            // Declared as an Office document: read (or refused) as one, even when damaged.
            return false;
        }
        // Office Open XML packages carry [Content_Types].xml; an archive of files does not.
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("[Content_Types].xml")) {
                    return false;
                }
                entries++;
            }
            return entries > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The files of the archive as parts. */
    public static List<Intake.PartSubmission> expand(byte[] bytes, int maxTotalBytes) {
        List<Intake.PartSubmission> parts = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                String last = name.substring(name.lastIndexOf('/') + 1);
                if (e.isDirectory() || name.startsWith("__MACOSX/") || last.startsWith(".") || last.isEmpty()) {
                    continue;
                }
                if (parts.size() == MAX_ENTRIES) {
                    throw new IntakeException(400, "The ZIP archive holds more than " + MAX_ENTRIES + " files; "
                            + "a disclosure has a few parts (narrative, tables, attachments).");
                }
                byte[] content = readBounded(zip, maxTotalBytes - total, maxTotalBytes);
                total += content.length;
                if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && isArchive(null, content)) {
                    throw new IntakeException(400, "The ZIP archive contains another archive (" + clean(last)
                            + "); send the files themselves.");
                }
                parts.add(new Intake.PartSubmission(content, null, null, clean(last)));
            }
        } catch (ZipException e) {
            throw new IntakeException(400, "The ZIP archive is damaged: " + e.getMessage());
        } catch (IOException e) {
            throw new IntakeException(400, "The ZIP archive could not be read: " + e.getMessage());
        }
        if (parts.isEmpty()) {
            throw new IntakeException(400, "The ZIP archive holds no files.");
        }
        return parts;
    }

    private static byte[] readBounded(InputStream in, long remaining, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > remaining) {
                throw new IntakeException(413, "The files of the ZIP archive are larger than the limit of " + limit
                        + " bytes once unpacked (budgetlens.ingest.max-document-bytes).");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A file name fit for logs and events: its last segment, no control characters, at most 255 characters. */
    static String clean(String name) {
        String cleaned = name.replaceAll("\\p{Cntrl}", "").strip();
        return cleaned.length() > Intake.MAX_FILENAME ? cleaned.substring(0, Intake.MAX_FILENAME) : cleaned;
    }
}
