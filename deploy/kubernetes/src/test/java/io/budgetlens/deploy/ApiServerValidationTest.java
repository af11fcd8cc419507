package io.budgetlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.budgetlens.deploy.ApiServerRules.Violation;

/**
 * The overlays as an API server sees them: every rendered object of dev and prod passes {@link ApiServerRules}, and
 * each rule rejects its fixture (src/test/resources/api-server/RULE.yaml, valid.yaml with one mistake) with that
 * rule alone. These checks never skip: kubectl, which renders the overlays, is part of the project's machines.
 */
class ApiServerValidationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/api-server");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectOfTheOverlayPassesTheApiServersChecks(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        assertThat(objects).extracting(ApiServerRules::kind).contains("Deployment", "Service", "ConfigMap",
                "PodDisruptionBudget", "NetworkPolicy", "KafkaTopic");
        assertThat(ApiServerRules.check(objects, Manifests.exampleSecrets())).isEmpty();
    }

    @Test
    void theValidFixturePassesEveryRule() {
        assertThat(ApiServerRules.check(fixture("valid"), Manifests.exampleSecrets())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void eachRuleRejectsItsFixtureAndNoOtherRuleDoes(String rule) {
        List<Violation> violations = ApiServerRules.check(fixture(rule), Manifests.exampleSecrets());
        assertThat(violations).as("the %s fixture", rule).isNotEmpty()
                .allSatisfy(v -> assertThat(v.rule()).as(v.toString()).isEqualTo(rule));
    }

    @Test
    void theFixturesNameTheirMistakes() {
        assertThat(ApiServerRules.check(fixture("labels"), Map.of()).toString()).contains("'store,'");
        assertThat(ApiServerRules.check(fixture("ports"), Map.of("budgetlens-db", Set.of("password"))).toString())
                .contains("'management-https' is not an IANA service name");
        assertThat(ApiServerRules.check(fixture("quantities"), Manifests.exampleSecrets()).toString())
                .contains("'512MB' is not a Kubernetes quantity", "must be less than or equal to the cpu limit");
        assertThat(ApiServerRules.check(fixture("references"), Manifests.exampleSecrets()).toString())
                .contains("has no key 'LOG-LEVEL'", "Secret 'budgetlens-database'");
        assertThat(ApiServerRules.check(fixture("selectors"), Manifests.exampleSecrets()).toString())
                .contains("selector does not match template labels");
    }

    @Test
    void quantitiesParseAsKubernetesParsesThem() {
        assertThat(amount("500m")).isEqualByComparingTo("0.5");
        assertThat(amount("1Gi")).isEqualByComparingTo("1073741824");
        assertThat(amount("1536Mi")).isEqualByComparingTo("1610612736");
        assertThat(amount("1e3")).isEqualByComparingTo("1000");
        assertThat(amount("2")).isEqualByComparingTo("2");
        for (String bad : List.of("512MB", "1 Gi", "one", "1.2.3", "Mi", "")) {
            assertThat(amount(bad)).as(bad).isNull();
        }
    }

    static Stream<String> rules() {
        return ApiServerRules.RULES.stream();
    }

    private static java.math.BigDecimal amount(String quantity) {
        return ApiServerRules.amount(com.fasterxml.jackson.databind.node.TextNode.valueOf(quantity));
    }

    private static List<JsonNode> fixture(String name) {
        return Manifests.documents(Manifests.read(FIXTURES.resolve(name + ".yaml")));
    }
}
