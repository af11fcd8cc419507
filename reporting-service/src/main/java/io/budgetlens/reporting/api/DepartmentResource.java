package io.budgetlens.reporting.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.budgetlens.reporting.store.DisclosureQueries;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.budgetlens.reporting.store.Where;

/** One department across years and kinds. */
@Path("/api/v1/departments")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    @Inject
    DisclosureRepository repository;

    @Inject
    DisclosureQueries queries;

    /** The department's disclosures in year order, budget before final account, 部门 before 本级. */
    public record Timeline(String key, List<String> names, List<String> keys, List<Entry> disclosures,
                           List<FindingView> crossDocumentFindings) {
    }

    /** One disclosure of the timeline with its figures (万元) and finding counts. */
    public record Entry(String documentId, Integer fiscalYear, String kind, String scope, String title,
                        LocalDate publicationDate, boolean latest, String status, BigDecimal expenditureTotal,
                        BigDecimal incomeTotal, BigDecimal threePublicTotal, BigDecimal threePublicOverseas,
                        BigDecimal threePublicReception, BigDecimal threePublicVehicle, BigDecimal operatingExpenses,
                        int errors, int warnings, BigDecimal completeness) {
    }

    @GET
    @Path("/{key}/timeline")
    @Operation(summary = "Every public disclosure of one department across years and kinds, side by side, with the "
            + "cross-document findings",
            description = "key is a department key as the list shows it (code:<region>:<budget-unit code> or "
                    + "name:<normalised name>); documents that print the code and documents that only print the "
                    + "name are joined when one of them carries both.")
    public Timeline timeline(@PathParam("key") String key, @QueryParam("visibility") String visibility) {
        Visibility vis = Params.enumValue("visibility", visibility, Visibility.class);
        List<String> keys = queries.departmentKeys(key.trim());
        if (keys.isEmpty()) {
            throw new NotFoundException("No disclosure of department '" + key + "' is stored.");
        }
        List<DisclosureEntity> docs = repository.find("""
                        visibility = ?1 AND (nameKey IN ?2 OR codeKey IN ?2) AND fiscalYear IS NOT NULL
                        ORDER BY fiscalYear, kind, scope, publicationDate, receivedAt, documentId""",
                vis == null ? Visibility.PUBLIC : vis, keys).list();
        Set<String> names = new LinkedHashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (DisclosureEntity d : docs) {
            if (d.department != null) {
                names.add(d.department);
            }
            entries.add(new Entry(d.documentId, d.fiscalYear, d.kind == null ? null : d.kind.name(),
                    d.scope == null ? null : d.scope.name(), d.title, d.publicationDate, d.latest, d.status.name(),
                    d.expenditureTotal, d.incomeTotal, d.threePublicTotal, d.threePublicOverseas,
                    d.threePublicReception, d.threePublicVehicle, d.operatingExpenses,
                    d.errorCount + d.crossErrorCount, d.warningCount + d.crossWarningCount, d.completeness));
        }
        List<FindingView> cross = List.of();
        if (!docs.isEmpty()) {
            Where where = new Where().and("f.source = 'CROSS_DOCUMENT'")
                    .and("f.document_id IN (?)", docs.stream().map(d -> d.documentId).toList());
            cross = queries.findings(where, "d.fiscal_year, f.document_id, f.idx", 0, 10_000).stream()
                    .map(r -> FindingView.of(r, true)).toList();
        }
        return new Timeline(key, List.copyOf(names), keys, entries, cross);
    }
}
