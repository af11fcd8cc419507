package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One column of a reconstructed table: its header as printed and its role (TOTAL, BASIC, PROJECT, ACTUAL…). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableColumn(int index, String header, String role) {
}
