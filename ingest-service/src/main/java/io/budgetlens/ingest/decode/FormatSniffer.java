package io.budgetlens.ingest.decode;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import io.budgetlens.ingest.decode.office.OfficeContainer;

/**
 * Decides what a body is from its declared media type and its first bytes. Binary formats are recognised by their
 * magic numbers whatever the declared type says (a PDF sent as text/plain is still a PDF); a missing or generic type
 * (application/octet-stream) is sniffed: HTML by its tags, Markdown by headings or pipe tables, otherwise text.
 * A ZIP or OLE2 container is what its directory holds ({@link OfficeContainer}): XLSX, DOCX or XLS; other
 * containers (macro-enabled files, DOC, plain ZIP archives…) are refused.
 */
public final class FormatSniffer {

    private static final Map<String, DocumentFormat> DECLARED = Map.of(
            "text/plain", DocumentFormat.TEXT,
            "text/html", DocumentFormat.HTML,
            "application/xhtml+xml", DocumentFormat.HTML,
            "text/markdown", DocumentFormat.MARKDOWN,
            "text/x-markdown", DocumentFormat.MARKDOWN,
            "application/pdf", DocumentFormat.PDF,
            "application/x-pdf", DocumentFormat.PDF,
            DocumentFormat.XLSX.mediaType(), DocumentFormat.XLSX,
            DocumentFormat.XLS.mediaType(), DocumentFormat.XLS,
            DocumentFormat.DOCX.mediaType(), DocumentFormat.DOCX);

    private static final String[] GENERIC = {"application/octet-stream", "binary/octet-stream", "text/*", "*/*",
            "application/x-www-form-urlencoded"};

    private FormatSniffer() {
    }

    /**
     * @param declared the media type without parameters (lowercase), or null when none was sent
     * @throws UnsupportedFormatException for a known non-text format or an unsupported declared type
     * @throws UndecodableDocumentException for empty or binary bodies
     */
    public static DocumentFormat sniff(String declared, byte[] bytes) {
        if (bytes.length == 0) {
            throw new UndecodableDocumentException("The document is empty: send the document's bytes as the body.");
        }
        if (isPdf(bytes)) {
            return DocumentFormat.PDF;
        }
        if (OfficeContainer.isZip(bytes) || OfficeContainer.isOle2(bytes)) {
            // What the container holds decides, whatever was declared (an XLSX sent as application/zip is an XLSX).
            return OfficeContainer.format(bytes);
        }
        DocumentFormat declaredFormat = DECLARED.get(declared == null ? "" : declared);
        if (declaredFormat == DocumentFormat.PDF) {
            throw new UndecodableDocumentException("The body is declared as " + declared + " but is not a PDF (it "
                    + "does not start with %PDF-).");
        }
        if (declaredFormat != null && declaredFormat.isOffice()) {
            throw new UndecodableDocumentException("The body is declared as " + declared + " but is not an "
                    + declaredFormat + " file (it is neither a ZIP nor an OLE2 container).");
        }
        String magic = magic(bytes);
        if (magic != null) {
            throw new UnsupportedFormatException("The body is a " + magic
                    + (declared == null ? "" : " (declared as " + declared + ")") + ", which BudgetLens cannot read yet");
        }
        if (looksBinary(bytes)) {
            throw new UndecodableDocumentException("The body is binary data, not text"
                    + (declared == null ? "" : " (declared as " + declared + ")") + ".");
        }
        if (declared != null && !isGeneric(declared)) {
            DocumentFormat format = DECLARED.get(declared);
            if (format == null) {
                throw new UnsupportedFormatException("Content-Type " + declared + " is not supported");
            }
            return format;
        }
        return sniffText(bytes);
    }

    /** The PDF header "%PDF-" at the start of the body. */
    static boolean isPdf(byte[] b) {
        return startsWith(b, "%PDF-");
    }

    static boolean isGeneric(String declared) {
        for (String generic : GENERIC) {
            if (generic.equals(declared)) {
                return true;
            }
        }
        return false;
    }

    /** The name of a binary format recognised by its magic number, or null. */
    static String magic(byte[] b) {
        if (startsWith(b, "%PDF-")) {
            return "PDF document";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0) {
            return "Microsoft Office 97-2003 document (DOC/XLS)";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "PNG image";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "JPEG image";
        }
        if (startsWith(b, "GIF87a") || startsWith(b, "GIF89a")) {
            return "GIF image";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            return "gzip archive";
        }
        if (startsWith(b, "Rar!")) {
            return "RAR archive";
        }
        if (b.length >= 6 && b[0] == '7' && b[1] == 'z' && (b[2] & 0xFF) == 0xBC && (b[3] & 0xFF) == 0xAF) {
            return "7-Zip archive";
        }
        if (startsWith(b, "{\\rtf")) {
            return "RTF document";
        }
        return null;
    }

    /** NUL bytes (outside UTF-16 text) or many C0 control characters mean binary data. */
    static boolean looksBinary(byte[] b) {
        if (hasUtf16Bom(b)) {
            return false;
        }
        int sample = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
                control++;
            }
        }
        return control > sample / 20;
    }

    static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && (((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)
                || ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF));
    }

    static DocumentFormat sniffText(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("\u00ef\u00bb\u00bf")) {
            trimmed = trimmed.substring(3).stripLeading();
        }
        if (trimmed.startsWith("<!doctype html") || trimmed.startsWith("<html") || trimmed.startsWith("<?xml")
                || head.contains("<body") || head.contains("<table") || head.contains("<div")
                || head.contains("<p>") || head.contains("<meta")) {
            return DocumentFormat.HTML;
        }
        for (String line : head.split("\n", 40)) {
            String l = line.strip();
            if (l.startsWith("# ") || l.startsWith("## ") || l.matches("\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)+\\|?")) {
                return DocumentFormat.MARKDOWN;
            }
        }
        return DocumentFormat.TEXT;
    }

    private static boolean startsWith(byte[] bytes, String ascii) {
        if (bytes.length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
