package io.budgetlens.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Value of {@code disclosure.received.v1}: a document exactly as received, with its bytes (base64 in JSON).
 * The documentId is the lowercase hex sha-256 of the bytes, so the same bytes are always the same document.
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
        byte[] content) {

    public static final String TYPE = "io.budgetlens.disclosure.received.v1";
}
