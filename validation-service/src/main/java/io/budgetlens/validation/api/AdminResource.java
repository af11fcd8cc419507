package io.budgetlens.validation.api;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.events.serde.HistoryReplay;
import io.budgetlens.service.Problem;
import io.budgetlens.service.security.Roles;
import io.budgetlens.validation.rules.RuleEngine;

/** Re-validation of history with the current ruleset (after a ruleset upgrade). Admins only. */
@Path("/api/v1/admin/revalidate")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    HistoryReplay revalidate;

    /** Progress of the current or last re-validation. */
    public record Status(HistoryReplay.State state, String rulesetVersion, long validated, long skipped, long failed,
                         Instant startedAt, Instant finishedAt, String error) {

        static Status of(HistoryReplay.Progress p) {
            return new Status(p.state(), RuleEngine.RULESET_VERSION, p.done(), p.skipped(), p.failed(),
                    p.startedAt(), p.finishedAt(), p.error());
        }
    }

    @POST
    @Operation(summary = "Re-validate every parsed disclosure with the current ruleset (202; 409 if running)")
    public Response start() {
        if (!revalidate.start()) {
            return Problem.response(409, "A re-validation is already running; follow it with GET "
                    + "/api/v1/admin/revalidate.", "/api/v1/admin/revalidate");
        }
        return Response.accepted(status()).build();
    }

    @GET
    @Operation(summary = "Progress of the current or last re-validation")
    public Status status() {
        return Status.of(revalidate.progress());
    }
}
