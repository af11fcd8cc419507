package io.budgetlens.reporting.api;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.query.DisclosureQueries;
import io.budgetlens.reporting.query.DraftAccess;
import io.budgetlens.reporting.query.FindingFilter;
import io.budgetlens.reporting.query.Params;
import io.budgetlens.reporting.query.Where;
import io.budgetlens.service.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** Findings across documents: the validation reports' and the cross-document checks'. */
@Path("/api/v1/findings")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class FindingResource {

    @Inject
    DisclosureQueries queries;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Findings across disclosures, filtered, sorted and paged (Accept: text/csv for all)",
            description = "Public disclosures only unless visibility=draft (then the caller's own drafts; an admin's: "
                    + "all). Default order: most severe first.")
    public Response list(@Parameter(description = "Comma-separated: error, warning, info")
                         @QueryParam("severity") String severity,
                         @Parameter(description = "e.g. CHG-001 or XDOC-001") @QueryParam("ruleId") String ruleId,
                         @Parameter(description = "e.g. change, cross_document") @QueryParam("category") String category,
                         @QueryParam("region") String region,
                         @QueryParam("year") String year,
                         @QueryParam("kind") String kind,
                         @QueryParam("scope") String scope,
                         @Parameter(description = "Only findings of one disclosure")
                         @QueryParam("documentId") String documentId,
                         @QueryParam("latest") String latest,
                         @QueryParam("visibility") String visibility,
                         @BeanParam Listing listing) {
        listing.checkPaging();
        FindingFilter filter = FindingFilter.parse(severity, ruleId, category, region, year, kind, scope, documentId,
                latest, visibility);
        Where where = filter.where();
        if (filter.visibility() == Visibility.DRAFT) {
            DraftAccess.ownedOnly(where, "d.", Caller.of(identity));
        }
        String orderBy = FindingFilter.orderBy(listing.sort);

        if (listing.csv()) {
            return Csv.stream("findings.csv", List.of("documentId", "kind", "scope", "fiscalYear", "region",
                    "department", "ruleId", "severity", "category", "source", "messageZh", "messageEn", "expectedLow",
                    "expectedHigh", "actual", "excess", "unit", "quote", "relatedDocumentId"),
                    csv -> queries.eachFinding(where, orderBy, Params.MAX_CSV_ROWS, r -> {
                        Interval interval = Interval.of(r.expected());
                        csv.row(Arrays.asList(r.documentId(), r.kind(), r.scope(), r.fiscalYear(), r.region(),
                                r.department(), r.ruleId(), r.severity(), r.category(), r.source(), r.messageZh(),
                                r.messageEn(), interval.low(), interval.high(), r.actual(), r.excess(), r.unit(),
                                firstQuote(r.evidence()), r.relatedDocumentId()));
                    }));
        }
        var items = queries.findings(where, orderBy, listing.page, listing.size).stream()
                .map(r -> FindingView.of(r, true)).toList();
        return Response.ok(new Page<>(items, listing.page, listing.size, queries.countFindings(where)))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The expected interval's bounds, read from the stored JSON. */
    record Interval(String low, String high) {
        static Interval of(String json) {
            if (json == null) {
                return new Interval(null, null);
            }
            try {
                var node = io.budgetlens.events.EventJson.mapper().readTree(json);
                return new Interval(node.path("low").asText(null), node.path("high").asText(null));
            } catch (Exception e) {
                return new Interval(null, null);
            }
        }
    }

    static String firstQuote(String evidenceJson) {
        if (evidenceJson == null) {
            return null;
        }
        try {
            for (var node : io.budgetlens.events.EventJson.mapper().readTree(evidenceJson)) {
                if (node.hasNonNull("quote")) {
                    return node.get("quote").asText();
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }
}
