package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a printed table of contents (目录) (v1.1): the title as printed, the page reference as printed (may be
 * absent) and its [start, end) range in the parsed text. Entries of a 目录 are never sections.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentsEntry(String title, String pageRef, int start, int end) {
}
