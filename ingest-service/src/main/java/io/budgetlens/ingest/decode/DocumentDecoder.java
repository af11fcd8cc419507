package io.budgetlens.ingest.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text. A byte-order mark wins (UTF-8, UTF-16); then the HTTP charset parameter; then, for HTML, a
 * {@code <meta charset>} or {@code http-equiv} declaration; a declaration that does not decode the bytes cleanly is
 * noted and ignored. Without a usable declaration the charset is detected: strict UTF-8, then GB18030 (the superset of
 * GBK and GB2312 used by Chinese government portals). Bytes that are neither answer 400.
 */
public final class DocumentDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** {@code <meta charset="gbk">} or {@code <meta http-equiv="Content-Type" content="text/html; charset=gb2312">}. */
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

    private DocumentDecoder() {
    }

    /** Text and the charset that decoded it, with notes about declarations that were wrong. */
    public record Result(String text, String charset, List<String> notes) {
    }

    public static Result decode(byte[] bytes, DocumentFormat format, String declaredCharset) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strictOrFail(bytes, 3, StandardCharsets.UTF_8, "UTF-8 (byte-order mark)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strictOrFail(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE (byte-order mark)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return strictOrFail(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE (byte-order mark)");
        }
        List<String> notes = new java.util.ArrayList<>();
        for (String declared : declarations(bytes, format, declaredCharset)) {
            Charset charset = charset(declared);
            if (charset == null) {
                notes.add("Declared charset '" + declared + "' is unknown; detected instead.");
                continue;
            }
            String text = strict(bytes, 0, charset);
            if (text != null && isWeak(charset)) {
                Result better = detectMultibyte(bytes);
                if (better != null) {
                    notes.add("Declared charset '" + declared + "' would garble the text; read as " + better.charset()
                            + " instead.");
                    return new Result(better.text(), better.charset(), notes);
                }
            }
            if (text != null) {
                return new Result(text, charset.name(), notes);
            }
            notes.add("Declared charset '" + declared + "' does not match the bytes; detected instead.");
        }
        String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Result(utf8, "UTF-8", notes);
        }
        String gb = strict(bytes, 0, GB18030);
        if (gb != null) {
            return new Result(gb, GB18030.name(), notes);
        }
        throw new UndecodableDocumentException("The bytes are not valid text in UTF-8 or GB18030/GBK"
                + (declaredCharset == null ? "" : ", nor in the declared charset " + declaredCharset)
                + "; send the document in one of those encodings.");
    }

    /**
     * Single-byte Western charsets decode any bytes, so HTTP clients that default to them (ISO-8859-1 is the HTTP/1.1
     * default for text) say nothing about the document: a multibyte reading wins when one exists.
     */
    static boolean isWeak(Charset charset) {
        String name = charset.name();
        return name.equals("ISO-8859-1") || name.equals("US-ASCII") || name.equals("windows-1252");
    }

    /** UTF-8 with non-ASCII text, or GB18030 with Chinese characters; null when neither reads the bytes. */
    static Result detectMultibyte(byte[] bytes) {
        String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8 != null && utf8.chars().anyMatch(c -> c > 0x7F)) {
            return new Result(utf8, "UTF-8", List.of());
        }
        String gb = strict(bytes, 0, GB18030);
        if (gb != null && gb.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return new Result(gb, GB18030.name(), List.of());
        }
        return null;
    }

    private static List<String> declarations(byte[] bytes, DocumentFormat format, String declaredCharset) {
        List<String> declared = new java.util.ArrayList<>();
        if (declaredCharset != null && !declaredCharset.isBlank()) {
            declared.add(declaredCharset.trim());
        }
        if (format == DocumentFormat.HTML) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                declared.add(m.group(1));
            }
        }
        return declared;
    }

    /** The charset for a declared name; GBK and GB2312 read as GB18030, their superset. */
    static Charset charset(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
        if (n.equals("gbk") || n.equals("gb2312") || n.equals("gb_2312-80") || n.equals("x-gbk") || n.equals("cp936")
                || n.equals("gb18030")) {
            return GB18030;
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    private static Result strictOrFail(byte[] bytes, int offset, Charset charset, String label) {
        String text = strict(bytes, offset, charset);
        if (text == null) {
            throw new UndecodableDocumentException("The document starts with a " + label
                    + " but is not valid in that encoding.");
        }
        return new Result(text, charset.name(), List.of());
    }

    static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
