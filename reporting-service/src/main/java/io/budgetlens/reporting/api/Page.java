package io.budgetlens.reporting.api;

import java.util.List;

/** One page of a list: the items, the page number (from 0), the page size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
