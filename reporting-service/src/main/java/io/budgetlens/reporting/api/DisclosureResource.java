package io.budgetlens.reporting.api;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.budgetlens.reporting.store.DisclosureRepository;

/** Read access to stored disclosures (the reporting issue adds filters, sorting, summaries and CSV). */
@Path("/api/v1/disclosures")
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    static final int MAX_PAGE_SIZE = 500;

    @Inject
    DisclosureRepository repository;

    @GET
    @Operation(summary = "Stored disclosures, newest first; drafts only with visibility=draft")
    public Page<DisclosureView> list(@QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("50") int size,
                                     @QueryParam("visibility") @DefaultValue("public") String visibility) {
        if (page < 0) {
            throw new BadRequestException("page must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        Visibility filter = visibility(visibility);
        var items = repository.listVisible(filter, page, size).stream().map(e -> DisclosureView.of(e, false)).toList();
        return new Page<>(items, page, size, repository.countVisible(filter));
    }

    @GET
    @Path("/{documentId}")
    @Operation(summary = "One disclosure by documentId with its findings (404 while unknown)")
    public DisclosureView get(@PathParam("documentId") String documentId) {
        if (!DocumentIds.isWellFormed(documentId)) {
            throw new BadRequestException(
                    "documentId must be the 64-character lowercase hex sha-256 of the document, got '" + documentId + "'");
        }
        DisclosureEntity entity = repository.findById(documentId);
        if (entity == null) {
            throw new NotFoundException("No disclosure " + documentId + " is known (yet).");
        }
        return DisclosureView.of(entity, true);
    }

    private static Visibility visibility(String value) {
        try {
            return Visibility.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("visibility must be 'public' or 'draft', got '" + value + "'");
        }
    }
}
