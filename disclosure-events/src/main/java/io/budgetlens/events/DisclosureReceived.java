package io.budgetlens.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Value of {@code disclosure.received.v1}: a document exactly as received, with its bytes (base64 in JSON).
 * The documentId is the lowercase hex sha-256 of the bytes, so the same bytes are always the same document. v1.1: a
 * document of several files lists them in {@code parts}, a later revision carries {@code revision}, a draft its
 * {@code owner} (docs/events.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisclosureReceived(
        String documentId,
        String contentType,
        String charset,
        String sourceUri,
        String filename,
        long size,
        String sha256,
        Instant receivedAt,
        Visibility visibility,
        byte[] content,
        Integer revision,
        List<ReceivedPart> parts,
        String owner) {

    public static final String TYPE = "io.budgetlens.disclosure.received.v1";

    /** The v1.0 shape: one part, revision 1, no owner. */
    public DisclosureReceived(String documentId, String contentType, String charset, String sourceUri, String filename,
                              long size, String sha256, Instant receivedAt, Visibility visibility, byte[] content) {
        this(documentId, contentType, charset, sourceUri, filename, size, sha256, receivedAt, visibility, content,
                null, null, null);
    }

    /**
     * A document of one or several parts as the contract writes it: parts in ascending order of sha256, the first
     * part's fields and bytes at the top level, {@code parts} listing all of them (the first without its bytes) when
     * there are two or more.
     *
     * @param parts every part with its bytes, in any order
     */
    public static DisclosureReceived of(String documentId, List<ReceivedPart> parts, Instant receivedAt,
                                        Visibility visibility, Integer revision, String owner) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a document has at least one part");
        }
        List<ReceivedPart> sorted = parts.stream().sorted(Comparator.comparing(ReceivedPart::sha256))
                .toList();
        ReceivedPart first = sorted.get(0);
        List<ReceivedPart> listed = null;
        if (sorted.size() > 1) {
            listed = new ArrayList<>(sorted.size());
            listed.add(first.withoutContent());
            listed.addAll(sorted.subList(1, sorted.size()));
        }
        return new DisclosureReceived(documentId, first.contentType(), first.charset(), first.sourceUri(),
                first.filename(), first.size(), first.sha256(), receivedAt, visibility, first.content(),
                revision == null || revision <= 1 ? null : revision, listed, owner);
    }

    /** The revision number (1 unless parts were added later). */
    public int revisionNumber() {
        return revision == null ? 1 : revision;
    }

    /** Every part with its bytes, in contract order (ascending sha256); a single-part document is its one part. */
    public List<ReceivedPart> allParts() {
        ReceivedPart first = new ReceivedPart(sha256, size, contentType, charset, filename, sourceUri, content);
        if (parts == null || parts.size() < 2) {
            return List.of(first);
        }
        List<ReceivedPart> all = new ArrayList<>(parts.size());
        all.add(first);
        all.addAll(parts.subList(1, parts.size()));
        return all;
    }

}
