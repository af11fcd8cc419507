package io.budgetlens.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * RULES.md documents every rule of the engine with its identity, category and severity, and the right version; the
 * engine runs every rule of catalogue.tsv, in its order.
 */
class RuleCatalogueDocTest {

    @Test
    void everyRuleIsInRulesMd() throws IOException {
        String doc = Files.readString(Path.of("RULES.md"));
        assertThat(doc).contains("Ruleset version **" + RuleEngine.RULESET_VERSION + "**");
        List<RuleDescriptor> catalogue = RuleEngine.standard(Clock.systemUTC()).catalogue();
        assertThat(catalogue).isNotEmpty();
        for (RuleDescriptor rule : catalogue) {
            String row = doc.lines().filter(l -> l.startsWith("| " + rule.id() + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError(rule.id() + " is missing from RULES.md"));
            assertThat(row).as(rule.id()).contains(rule.identity(), rule.category().name(), rule.severity().name(),
                    rule.titleZh(), rule.titleEn());
        }
    }

    @Test
    void theEngineRunsEveryRuleOfTheCatalogueInItsOrder() {
        assertThat(RuleEngine.standard(Clock.systemUTC()).catalogue()).containsExactlyElementsOf(RuleDescriptor.all());
    }
}
