package io.budgetlens.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One column of a reconstructed table: its header as printed and its role (TOTAL, BASIC, PROJECT, ACTUAL…); for
 * tables printed as column groups side by side (v1.1), the group: INCOME, EXPENDITURE, EXPENDITURE_BY_USE,
 * EXPENDITURE_ECONOMIC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableColumn(int index, String header, String role, String group) {

    /** The v1.0 shape. */
    public TableColumn(int index, String header, String role) {
        this(index, header, role, null);
    }
}
