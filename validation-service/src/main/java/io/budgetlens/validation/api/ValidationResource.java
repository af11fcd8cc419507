package io.budgetlens.validation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.service.security.Roles;
import io.budgetlens.validation.rules.RuleEngine;

/**
 * Synchronous validation of a parsed disclosure given in the body, for previews and tests; publishes nothing. Like
 * ingest's synchronous parse, it needs a submitter's or admin's token (it spends the service's CPU on the caller's
 * input).
 */
@Path("/api/v1/validations")
@RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
public class ValidationResource {

    @Inject
    RuleEngine engine;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a disclosure.parsed.v1 JSON body and return the report")
    public DisclosureValidated validate(DisclosureParsed parsed) {
        if (parsed == null) {
            throw new BadRequestException("The body must be a disclosure.parsed.v1 JSON object.");
        }
        if (!DocumentIds.isWellFormed(parsed.documentId())) {
            throw new BadRequestException("documentId must be the 64-character lowercase hex sha-256 of the document.");
        }
        if (parsed.status() != ParseStatus.PARSED) {
            throw new BadRequestException("Only a PARSED disclosure can be validated; this one is " + parsed.status()
                    + ".");
        }
        return engine.validate(parsed);
    }
}
