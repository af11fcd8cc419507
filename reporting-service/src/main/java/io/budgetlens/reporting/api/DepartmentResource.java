package io.budgetlens.reporting.api;

import java.util.List;

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
import io.budgetlens.reporting.query.DisclosureQueries;
import io.budgetlens.reporting.query.DisclosureQueries.TimelineEntry;
import io.budgetlens.reporting.query.DraftAccess;
import io.budgetlens.reporting.query.Params;
import io.budgetlens.service.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** One department across years and kinds. */
@Path("/api/v1/departments")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    @Inject
    DisclosureQueries queries;

    @Inject
    SecurityIdentity identity;

    /** The department's disclosures in year order, budget before final account, 部门 before 本级. */
    public record Timeline(String key, List<String> names, List<String> keys, List<TimelineEntry> disclosures,
                           List<FindingView> crossDocumentFindings) {
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
        String owner = null;
        if (vis == Visibility.DRAFT) {
            Caller caller = Caller.of(identity);
            DraftAccess.requireSignedIn(caller);
            owner = caller.admin() ? null : caller.subject();
        }
        DisclosureQueries.Timeline timeline = queries.timeline(key.trim(), vis == null ? Visibility.PUBLIC : vis, owner)
                .orElseThrow(() -> new NotFoundException("No disclosure of department '" + key + "' is stored."));
        return new Timeline(key, timeline.names(), timeline.keys(), timeline.disclosures(),
                timeline.crossDocumentFindings().stream().map(r -> FindingView.of(r, true)).toList());
    }
}
