package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One line of the parsed text that came from a PDF page (v1.1): its [start, end) range and its box on the page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextLine(int start, int end, Integer part, int page, Box box) {
}
