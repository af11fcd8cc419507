package io.budgetlens.events;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The documentId rule: lowercase hex sha-256 of the document's bytes (64 characters). */
public final class DocumentIds {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

    private DocumentIds() {
    }

    public static String of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Whether a string has the shape of a documentId (does not say the document exists). */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
