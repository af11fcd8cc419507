package io.budgetlens.reporting.api;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.type.TypeReference;

import io.budgetlens.events.EventJson;
import io.budgetlens.events.RuleVerdict;
import io.budgetlens.events.Verdict;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.query.DisclosureQueries;
import io.budgetlens.reporting.query.DraftAccess;
import io.budgetlens.reporting.query.Params;
import io.budgetlens.reporting.query.Where;
import io.budgetlens.reporting.files.DocumentFiles;
import io.budgetlens.reporting.query.BadParameterException;
import io.budgetlens.reporting.store.DepartmentKeys;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.budgetlens.reporting.store.DisclosureStatus;
import io.budgetlens.service.security.Caller;
import io.budgetlens.service.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Stored disclosures: the filtered, sorted, paged list (JSON or CSV), one disclosure in full, deleting drafts. */
@Path("/api/v1/disclosures")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class DisclosureResource {

    @Inject
    DocumentFiles files;

    static final Map<String, String> SORTS = Params.fields(
            "receivedAt", "received_at", "publicationDate", "publication_date", "fiscalYear", "fiscal_year",
            "kind", "kind", "scope", "scope", "region", "region", "department", "department", "status", "status",
            "errors", "error_count + cross_error_count", "warnings", "warning_count + cross_warning_count",
            "completeness", "completeness", "expenditureTotal", "expenditure_total",
            "threePublicTotal", "three_public_total");

    @Inject
    DisclosureRepository repository;

    @Inject
    DisclosureQueries queries;

    @Inject
    SecurityIdentity identity;

    @Inject
    DraftDeletion deletion;

    @GET
    @Operation(summary = "Stored disclosures, filtered, sorted and paged (Accept: text/csv for all matching rows)",
            description = "Drafts appear only with visibility=draft, and only the caller's own (all of them for an "
                    + "admin; 401 without a token). Several documents may carry one identity "
                    + "(department, fiscalYear, kind, scope); all are listed, the newest public one has latest=true "
                    + "(latest=true lists only those).")
    public Response list(
            @Parameter(description = "District (or province), e.g. 江津区") @QueryParam("region") String region,
            @Parameter(description = "Department key (name:… or code:…) or part of the department's name")
            @QueryParam("department") String department,
            @QueryParam("year") String year,
            @Parameter(description = "budget or final_account") @QueryParam("kind") String kind,
            @Parameter(description = "department (部门) or unit (本级/单位)") @QueryParam("scope") String scope,
            @Parameter(description = "received, parsed, validated or rejected") @QueryParam("status") String status,
            @Parameter(description = "true: only disclosures with an ERROR finding; false: only without")
            @QueryParam("hasErrors") String hasErrors,
            @QueryParam("latest") String latest,
            @Parameter(description = "public (default) or draft") @QueryParam("visibility") String visibility,
            @BeanParam Listing listing) {
        listing.checkPaging();
        Where where = new Where();
        Visibility vis = Params.enumValue("visibility", visibility, Visibility.class);
        DraftAccess.restrict(where, "", vis == null ? Visibility.PUBLIC : vis, Caller.of(identity));
        Params.disclosureFilters(where, "", region, year, kind, scope);
        if (Params.given(department)) {
            String d = department.trim();
            where.and("(department_key = ? OR name_key = ? OR code_key = ? OR name_key = ? OR department LIKE ?)",
                    d, d, d, DepartmentKeys.nameKeyOfTyped(d), "%" + d.replace("%", "").replace("_", "") + "%");
        }
        DisclosureStatus st = Params.enumValue("status", status, DisclosureStatus.class);
        where.andIf(st != null, "status = ?", st == null ? null : st.name());
        Boolean errors = Params.bool("hasErrors", hasErrors);
        if (errors != null) {
            where.and(errors ? "error_count + cross_error_count > 0" : "error_count + cross_error_count = 0");
        }
        Boolean onlyLatest = Params.bool("latest", latest);
        where.andIf(onlyLatest != null, "latest = ?", onlyLatest);
        String orderBy = Params.sort(listing.sort, SORTS, "-receivedAt", "document_id");

        if (listing.csv()) {
            return Csv.stream("disclosures.csv", List.of("documentId", "status", "kind", "scope", "fiscalYear",
                    "region", "department", "departmentKey", "title", "publicationDate", "latest", "errors",
                    "warnings", "infos", "completeness", "expenditureTotal", "threePublicTotal", "parserVersion",
                    "rulesetVersion"), csv -> queries.eachListItem(where, orderBy, Params.MAX_CSV_ROWS,
                            i -> csv.row(java.util.Arrays.asList(i.documentId(), i.status(), i.kind(), i.scope(),
                                    i.fiscalYear(), i.region(), i.department(), i.departmentKey(), i.title(),
                                    i.publicationDate(), i.latest(), i.errors(), i.warnings(), i.infos(),
                                    i.completeness(), i.expenditureTotal(), i.threePublicTotal(), i.parserVersion(),
                                    i.rulesetVersion()))));
        }
        var items = queries.list(where, orderBy, listing.page, listing.size);
        return Response.ok(new Page<>(items, listing.page, listing.size, queries.countDisclosures(where)))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{documentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One disclosure in full: status, meta, summary, facts, tables, findings, verdict counts, "
            + "completeness, versions (404 while unknown; a draft only for its owner or an admin)")
    public DisclosureView get(@PathParam("documentId") String documentId) {
        DisclosureEntity entity = repository.findById(Params.documentId(documentId));
        if (entity == null) {
            throw new NotFoundException("No disclosure " + documentId + " is known (yet).");
        }
        DraftAccess.requireReadable(entity.visibility, entity.owner, Caller.of(identity), documentId);
        List<FindingView> findings = queries.findingsOf(documentId).stream().map(r -> FindingView.of(r, false))
                .toList();
        return DisclosureView.of(entity, findings, verdictCounts(entity.verdicts));
    }

    @GET
    @Path("/{documentId}/pages/{page: [0-9]+}.png")
    @Produces("image/png")
    @Operation(summary = "A page of the disclosure's PDF as an image (part: which file of a multi-part document, "
            + "1-based), for showing evidence where it is printed; 404 when the document is not a stored PDF")
    public Response page(@PathParam("documentId") String documentId, @PathParam("page") int page,
                         @QueryParam("part") String part) {
        var rendered = files.page(readable(documentId), part(part), page);
        return Response.ok(rendered.png()).header("X-Page-Width", rendered.width())
                .header("X-Page-Height", rendered.height())
                .header("Cache-Control", "private, max-age=3600").build();
    }

    @GET
    @Path("/{documentId}/annotated.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The disclosure's PDF with a highlight and a bilingual comment (expected, found, tolerance) "
            + "over the evidence of every WARNING and ERROR finding")
    public Response annotated(@PathParam("documentId") String documentId, @QueryParam("part") String part) {
        String id = readable(documentId);
        return Response.ok(files.annotated(id, part(part)))
                .header("Content-Disposition", "attachment; filename=\"" + id.substring(0, 12) + "-annotated.pdf\"")
                .build();
    }

    @GET
    @Path("/{documentId}/findings.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The disclosure's findings as a spreadsheet (one row per finding, amounts as printed text)")
    public Response findingsWorkbook(@PathParam("documentId") String documentId) {
        String id = readable(documentId);
        return Response.ok(files.findingsWorkbook(id))
                .header("Content-Disposition", "attachment; filename=\"" + id.substring(0, 12) + "-findings.xlsx\"")
                .build();
    }

    @GET
    @Path("/{documentId}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The revisions of a document (a part added makes a new one): when each was received and its "
            + "files")
    public List<Revision> revisions(@PathParam("documentId") String documentId) {
        String id = readable(documentId);
        return queries.revisions(id).stream().map(r -> new Revision(r.revision(), r.receivedAt(), r.parts())).toList();
    }

    /**
     * The id of a stored document this caller may see: 400 malformed, 404 unknown or someone else's draft, 401 a draft
     * asked for without a token (DraftAccess). Page images and files of a draft are its owner's and admins' only.
     */
    private String readable(String documentId) {
        String id = Params.documentId(documentId);
        DisclosureEntity entity = repository.findById(id);
        if (entity == null) {
            throw new NotFoundException("No disclosure " + documentId + " is known (yet).");
        }
        DraftAccess.requireReadable(entity.visibility, entity.owner, Caller.of(identity), id);
        return id;
    }

    /** One revision of a document: when it was received and its files. */
    public record Revision(int revision, Instant receivedAt, @JsonRawValue String parts) {
    }

    private static Integer part(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadParameterException("part", value, "1, 2, …",
                    "part must be a positive whole number (the file of a multi-part document), got '" + value + "'");
        }
    }

    @DELETE
    @Path("/{documentId}")
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(summary = "Delete a draft: its owner or an admin (204); a public disclosure cannot be deleted (409)",
            description = "ingest-service writes the draft's tombstones (its bytes leave the compacted topics); then "
                    + "the stored draft is removed here. 503 when ingest-service cannot be reached (nothing deleted).")
    public Response delete(@PathParam("documentId") String documentId) {
        DisclosureEntity entity = repository.findById(Params.documentId(documentId));
        Caller caller = Caller.of(identity);
        if (entity == null || !DraftAccess.mayRead(entity.visibility, entity.owner, caller)) {
            throw new NotFoundException("No disclosure " + documentId + " is known (yet).");
        }
        if (entity.visibility != Visibility.DRAFT) {
            throw new ClientErrorException("Only drafts can be deleted; " + documentId + " is public.",
                    Response.Status.CONFLICT);
        }
        return deletion.delete(documentId, caller);
    }

    private static final TypeReference<List<RuleVerdict>> VERDICTS = new TypeReference<>() {
    };

    static Map<String, Integer> verdictCounts(String verdictsJson) {
        if (verdictsJson == null) {
            return null;
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        try {
            for (RuleVerdict v : EventJson.mapper().readValue(verdictsJson, VERDICTS)) {
                counts.merge(v.verdict(), 1, Integer::sum);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Stored verdicts do not read back", e);
        }
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }
}
