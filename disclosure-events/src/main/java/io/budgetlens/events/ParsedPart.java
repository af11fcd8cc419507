package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file of a multi-part document as the parser read it (v1.1), in reading order: narrative parts first, then
 * table-only parts. role is NARRATIVE or TABLES; [start, end) is its range of the parsed text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParsedPart(String sha256, String filename, String contentType, String role, Integer pageCount,
                         int start, int end) {

    public static final String NARRATIVE = "NARRATIVE";
    public static final String TABLES = "TABLES";
}
