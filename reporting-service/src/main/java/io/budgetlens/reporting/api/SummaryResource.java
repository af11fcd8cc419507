package io.budgetlens.reporting.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.budgetlens.reporting.query.DepartmentSummaries;
import io.budgetlens.reporting.query.DisclosureQueries;
import io.budgetlens.reporting.query.DisclosureQueries.Dimension;
import io.budgetlens.reporting.query.DisclosureQueries.Metric;
import io.budgetlens.reporting.query.Params;
import io.budgetlens.reporting.query.Where;

/**
 * Totals per group. Only public disclosures that are the latest of their identity and were parsed count. Every
 * group is also split by kind and scope, whatever groupBy says: a budget is never added to a final account, nor a
 * 部门 disclosure to its own 本级 one (docs/domain.md §7).
 */
@Path("/api/v1/summaries")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class SummaryResource {

    @Inject
    DisclosureQueries queries;

    @Inject
    DepartmentSummaries departmentSummaries;

    @GET
    @Operation(summary = "Totals, “三公” and its parts, 机关运行经费, document counts, findings by severity and average "
            + "completeness per group (Accept: text/csv for all groups)",
            description = "Examples: receptions per district in 2024 final accounts: groupBy=region&kind=final_account"
                    + "&year=2024&sort=-threePublicReception; one office's 三公 over the years: groupBy=year&department="
                    + "<key>; most errors: groupBy=department&sort=-errors.")
    public Response summaries(
            @Parameter(description = "Comma-separated: region, year, kind, scope, department (kind and scope are always "
                    + "added)") @QueryParam("groupBy") @DefaultValue("region") String groupBy,
            @QueryParam("kind") String kind,
            @QueryParam("scope") String scope,
            @QueryParam("year") String year,
            @QueryParam("region") String region,
            @Parameter(description = "Department key (name:… or code:…)") @QueryParam("department") String department,
            @BeanParam Listing listing) {
        listing.checkPaging();
        List<Dimension> dims = new ArrayList<>();
        for (String raw : groupBy.split(",")) {
            String name = raw.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Dimension d = Arrays.stream(Dimension.values()).filter(x -> x.name().equals(name)
                    || x.field.equalsIgnoreCase(raw.trim())).findFirst().orElseThrow(() -> new BadRequestException(
                    "groupBy must be a comma-separated list of region, year, kind, scope, department; got '"
                            + groupBy + "'"));
            if (!dims.contains(d)) {
                dims.add(d);
            }
        }
        if (!dims.contains(Dimension.KIND)) {
            dims.add(Dimension.KIND);
        }
        if (!dims.contains(Dimension.SCOPE)) {
            dims.add(Dimension.SCOPE);
        }

        Where where = new Where().and(DepartmentSummaries.COUNTED);
        Params.disclosureFilters(where, "", region, year, kind, scope);
        boolean kept = DepartmentSummaries.answers(dims, Params.given(region) || Params.given(year)
                || Params.given(department));
        Where kindAndScope = new Where();
        Params.disclosureFilters(kindAndScope, "", null, null, kind, scope);
        if (Params.given(department)) {
            List<String> keys = queries.departmentKeys(department.trim());
            where.and("(department_key = ? OR name_key IN (?) OR code_key IN (?))", department.trim(),
                    keys.isEmpty() ? List.of("") : keys, keys.isEmpty() ? List.of("") : keys);
        }

        Map<String, String> sorts = new LinkedHashMap<>();
        for (Dimension d : dims) {
            sorts.put(d.field, d.column);
        }
        for (Metric m : Metric.values()) {
            sorts.put(m.field, m.alias());
        }
        String defaultSort = String.join(",", dims.stream().map(d -> d.field).toList());
        String orderBy = Params.sort(listing.sort, sorts, defaultSort,
                String.join(", ", dims.stream().map(d -> d.column).toList()));

        if (listing.csv()) {
            List<String> header = new ArrayList<>(dims.stream().map(d -> d.field).toList());
            if (dims.contains(Dimension.DEPARTMENT)) {
                header.add("department");
            }
            Arrays.stream(Metric.values()).forEach(m -> header.add(m.field));
            return Csv.stream("summaries.csv", header, csv -> summaries(kept, dims, where, kindAndScope, orderBy,
                    0, Params.MAX_CSV_ROWS).rows().forEach(r -> {
                        Map<String, Object> row = r.toMap(dims);
                        csv.row(header.stream().map(row::get).toList());
                    }));
        }
        DisclosureQueries.SummaryPage summaries = summaries(kept, dims, where, kindAndScope, orderBy, listing.page,
                listing.size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupBy", dims.stream().map(d -> d.field).toList());
        body.put("unit", "万元");
        body.put("items", summaries.rows().stream().map(r -> r.toMap(dims)).toList());
        body.put("page", listing.page);
        body.put("size", listing.size);
        body.put("total", summaries.totalGroups());
        return Response.ok(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** From the rows kept per department when they answer the request, else from every counted disclosure. */
    private DisclosureQueries.SummaryPage summaries(boolean kept, List<Dimension> dims, Where where,
                                                    Where kindAndScope, String orderBy, int page, int size) {
        if (!kept) {
            return queries.summaries(dims, where, orderBy, page, size);
        }
        departmentSummaries.refreshIfStale();
        return queries.departmentSummaries(kindAndScope, orderBy, page, size);
    }
}
