package io.budgetlens.ingest.api;

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
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.service.Problem;
import io.budgetlens.service.security.Roles;

/** Operations on history: re-parse every received document with the current parser version. Admins only. */
@Path("/api/v1/admin/reparse")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    HistoryReplay reparse;

    /** Progress of the current or last re-parse. */
    public record Status(HistoryReplay.State state, String parserVersion, long parsed, long failed, Instant startedAt,
                         Instant finishedAt, String error) {

        static Status of(HistoryReplay.Progress p) {
            return new Status(p.state(), DisclosureParser.VERSION, p.done(), p.failed(), p.startedAt(),
                    p.finishedAt(), p.error());
        }
    }

    @POST
    @Operation(summary = "Re-parse every document on disclosure.received.v1 with the current parser (202; 409 if running)")
    public Response start() {
        if (!reparse.start()) {
            return Problem.response(409, "A re-parse is already running; follow it with GET /api/v1/admin/reparse.",
                    "/api/v1/admin/reparse");
        }
        return Response.accepted(status()).build();
    }

    @GET
    @Operation(summary = "Progress of the current or last re-parse")
    public Status status() {
        return Status.of(reparse.progress());
    }
}
