package io.budgetlens.validation.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.validation.rules.RuleDescriptor;
import io.budgetlens.validation.rules.RuleEngine;

/** The rule catalogue as JSON. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    @Inject
    RuleEngine engine;

    @GET
    @Operation(summary = "Every rule of the current ruleset")
    public RuleCatalogue catalogue() {
        return new RuleCatalogue(RuleEngine.RULESET_VERSION, engine.catalogue());
    }

    /** Ruleset version and its rules. */
    public record RuleCatalogue(String rulesetVersion, List<RuleDescriptor> rules) {
    }
}
