package io.budgetlens.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One printed row: its classification code (when printed or mapped), its name, and the cells as printed.
 * A blank cell is an empty string (zero in a standard table). Rows printed twice stay twice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableRow(int index, String code, String name, List<String> cells, Integer start, Integer end) {
}
