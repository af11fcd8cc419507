package io.budgetlens.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * The id of a document created with several parts (contract v1.1): sha-256 of {@code budgetlens-parts-v1}
     * followed, for each part in ascending order of its sha-256, by a line feed and that sha-256. Independent of the
     * order the parts were given in. A single part keeps the v1.0 rule (the part's own sha-256).
     */
    public static String ofParts(Collection<String> partSha256s) {
        List<String> sorted = partSha256s.stream().sorted().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a document has at least one part");
        }
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        StringBuilder text = new StringBuilder("budgetlens-parts-v1");
        sorted.forEach(sha -> text.append('\n').append(sha));
        return of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id of a draft (contract v1.1): sha-256 of {@code budgetlens-draft-v1\n<owner>\n<nonce>\n<content id>}. Never
     * equal to a public id, reveals nothing about the content, and differs for every upload (the nonce).
     */
    public static String ofDraft(String owner, String nonce, String contentId) {
        String text = "budgetlens-draft-v1\n" + owner + "\n" + nonce + "\n" + contentId;
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a string has the shape of a documentId (does not say the document exists). */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
