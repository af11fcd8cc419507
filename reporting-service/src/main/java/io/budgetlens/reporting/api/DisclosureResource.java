package io.budgetlens.reporting.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.events.DocumentIds;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.budgetlens.reporting.store.DisclosureRepository;

/** Read access to stored disclosures. */
@Path("/api/v1/disclosures")
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    @Inject
    DisclosureRepository repository;

    @GET
    @Path("/{documentId}")
    @Operation(summary = "One disclosure by documentId (404 while unknown)")
    public DisclosureView get(@PathParam("documentId") String documentId) {
        if (!DocumentIds.isWellFormed(documentId)) {
            throw new jakarta.ws.rs.BadRequestException(
                    "documentId must be the 64-character lowercase hex sha-256 of the document, got '" + documentId + "'");
        }
        DisclosureEntity entity = repository.findById(documentId);
        if (entity == null) {
            throw new NotFoundException("No disclosure " + documentId + " is known (yet).");
        }
        return DisclosureView.of(entity);
    }
}
