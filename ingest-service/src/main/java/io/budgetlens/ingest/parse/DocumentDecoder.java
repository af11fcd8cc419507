package io.budgetlens.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns bytes into text: a UTF-8 byte-order mark wins, then a declared charset, then strict UTF-8, then GB18030
 * (the superset of GBK used by Chinese government portals). Foundation version: the intake issue adds HTML meta
 * charset detection and sniffing.
 */
public final class DocumentDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private DocumentDecoder() {
    }

    public static DecodedDocument decode(byte[] bytes, String mediaType, String declaredCharset) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new DecodedDocument(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8", mediaType);
        }
        if (declaredCharset != null && Charset.isSupported(declaredCharset)) {
            Charset charset = Charset.forName(declaredCharset);
            String strict = decodeStrict(bytes, charset);
            if (strict != null) {
                return new DecodedDocument(strict, charset.name(), mediaType);
            }
        }
        String utf8 = decodeStrict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new DecodedDocument(utf8, "UTF-8", mediaType);
        }
        String gb = decodeStrict(bytes, GB18030);
        if (gb != null) {
            return new DecodedDocument(gb, GB18030.name(), mediaType);
        }
        throw new UndecodableDocumentException("The bytes are neither UTF-8 nor GB18030/GBK text"
                + (declaredCharset == null ? "" : " nor " + declaredCharset.toUpperCase(Locale.ROOT)));
    }

    static String decodeStrict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
