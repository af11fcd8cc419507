package io.budgetlens.validation.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.validation.messaging.RevalidateJob;

/** Re-validation of history with the current ruleset (after a ruleset upgrade). */
@Path("/api/v1/admin/revalidate")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    RevalidateJob job;

    @POST
    @Operation(summary = "Re-validate every parsed disclosure with the current ruleset (202; 409 if running)")
    public Response start() {
        if (!job.start()) {
            return Problem.response(409, "A re-validation is already running; follow it with GET "
                    + "/api/v1/admin/revalidate.", "/api/v1/admin/revalidate");
        }
        return Response.accepted(job.status()).build();
    }

    @GET
    @Operation(summary = "Progress of the current or last re-validation")
    public RevalidateJob.Status status() {
        return job.status();
    }
}
