package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file of a multi-part document on {@code disclosure.received.v1} (v1.1). Parts are listed in ascending order of
 * sha256; the first part's bytes are the event's top-level {@code content}, so its {@code content} here is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceivedPart(String sha256, long size, String contentType, String charset, String filename,
                           String sourceUri, byte[] content) {

    public ReceivedPart withoutContent() {
        return new ReceivedPart(sha256, size, contentType, charset, filename, sourceUri, null);
    }
}
