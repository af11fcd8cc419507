package io.budgetlens.validation.api;

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

import io.budgetlens.validation.rules.RuleDescriptor;
import io.budgetlens.validation.rules.RuleEngine;

/** The rule catalogue as JSON: every rule, one family, or one rule by id (404 problem+json when unknown). */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    @Inject
    RuleEngine engine;

    @GET
    @Operation(summary = "Every rule of the current ruleset, or those of one family (?family=NARRATIVE_ARITHMETIC)")
    public RuleCatalogue catalogue(@QueryParam("family") String family) {
        List<RuleDescriptor> rules = engine.catalogue();
        if (family != null && !family.isBlank()) {
            rules = rules.stream().filter(r -> r.family().equalsIgnoreCase(family.strip())).toList();
            if (rules.isEmpty()) {
                throw new NotFoundException("No rule family " + family.strip() + "; the families are "
                        + engine.catalogue().stream().map(RuleDescriptor::family).distinct().toList() + ".");
            }
        }
        return new RuleCatalogue(RuleEngine.RULESET_VERSION, rules);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rule by its id (NAR-001, TBL-001…)")
    public RuleDescriptor rule(@PathParam("id") String id) {
        return engine.catalogue().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No rule " + id + " in ruleset " + RuleEngine.RULESET_VERSION
                        + "; GET /api/v1/rules lists them."));
    }

    /** Ruleset version and its rules. */
    public record RuleCatalogue(String rulesetVersion, List<RuleDescriptor> rules) {
    }
}
