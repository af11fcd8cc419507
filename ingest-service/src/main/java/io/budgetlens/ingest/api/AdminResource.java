package io.budgetlens.ingest.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.ingest.messaging.ReparseJob;

/** Operations on history: re-parse every received document with the current parser version. */
@Path("/api/v1/admin/reparse")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    ReparseJob job;

    @POST
    @Operation(summary = "Re-parse every document on disclosure.received.v1 with the current parser (202; 409 if running)")
    public Response start() {
        if (!job.start()) {
            return Problem.response(409, "A re-parse is already running; follow it with GET /api/v1/admin/reparse.",
                    "/api/v1/admin/reparse");
        }
        return Response.accepted(job.status()).build();
    }

    @GET
    @Operation(summary = "Progress of the current or last re-parse")
    public ReparseJob.Status status() {
        return job.status();
    }
}
