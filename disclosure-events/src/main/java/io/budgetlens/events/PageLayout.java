package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a PDF part (v1.1): its size in points (unrotated), its rotation (0, 90, 180, 270) and the [start, end)
 * range of the parsed text that came from it. part is 1-based, absent for single-part documents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageLayout(Integer part, int page, double width, double height, int rotation, int start, int end) {
}
