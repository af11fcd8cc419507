package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A numbered heading and its body (一、 / (一) / 1. / (1)), as a flat list with parent links.
 * Offsets are [start, end) into the normalised text; {@code empty} is true when the heading has no content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Section(
        String id,
        String parentId,
        int level,
        String number,
        String title,
        int start,
        int end,
        boolean empty) {
}
