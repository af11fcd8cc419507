package io.budgetlens.reporting.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.budgetlens.reporting.query.Params;

/**
 * What every list endpoint takes besides its filters (a {@code @BeanParam}): the order, the page, and whether the
 * client asked for every matching row as CSV instead of a page (format=csv, or Accept: text/csv).
 */
public class Listing {

    @Parameter(description = "Comma-separated fields (summaries: group fields or metrics), '-' for descending, e.g. "
            + "-errors,fiscalYear")
    @QueryParam("sort")
    String sort;

    // Read as text so that page=abc is a 400 naming the parameter (an int parameter that does not convert is a 404).
    @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER))
    @QueryParam("page")
    @DefaultValue("0")
    String pageParam;

    @Parameter(description = "Rows per page", schema = @Schema(type = SchemaType.INTEGER))
    @QueryParam("size")
    @DefaultValue("50")
    String sizeParam;

    /** Set by {@link #checkPaging()}. */
    int page;
    int size;

    @Parameter(description = "csv: every matching row as CSV (as Accept: text/csv does)")
    @QueryParam("format")
    String format;

    @Context
    HttpHeaders headers;

    /** Fails with a 400 problem when the page or the size is not a whole number or out of range. */
    void checkPaging() {
        page = Params.wholeNumber("page", pageParam);
        size = Params.wholeNumber("size", sizeParam);
        Params.paging(page, size);
    }

    boolean csv() {
        return Csv.wanted(headers, format);
    }
}
