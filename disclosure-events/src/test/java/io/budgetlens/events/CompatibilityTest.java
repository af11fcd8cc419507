package io.budgetlens.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Events written by the first version of the contract (src/test/resources/compat/v1.0, frozen: never edit them,
 * add a new folder for a new minor version) still validate and deserialize, including fields a later producer added.
 */
class CompatibilityTest {

    private static byte[] fixture(String version, String topic) throws IOException {
        try (InputStream in = CompatibilityTest.class.getResourceAsStream("/compat/" + version + "/" + topic + ".json")) {
            assertThat(in).as("fixture %s/%s", version, topic).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0"})
    void oldEventsValidateAndDeserialize(String version) throws IOException {
        for (EventSpec spec : EventSpec.ALL) {
            byte[] json = fixture(version, spec.topic());
            JsonNode node = EventJson.mapper().readTree(json);
            assertThat(SchemaConformanceTest.validate(SchemaConformanceTest.schemaNode(spec), node))
                    .as("%s %s against the current schema", version, spec.topic()).isEmpty();
            Object event = EventJson.read(json, spec.valueType());
            assertThat(event).as(spec.topic()).isInstanceOf(spec.valueType());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0"})
    void oldEventsKeepTheirValues(String version) throws IOException {
        DisclosureParsed parsed = EventJson.read(fixture(version, Topics.PARSED), DisclosureParsed.class);
        assertThat(parsed.meta().kind()).isEqualTo(DisclosureKind.FINAL_ACCOUNT);
        assertThat(parsed.summaryValue("expenditure.total")).isEqualByComparingTo("3027.50");
        assertThat(parsed.summaryValue("expenditure.total").scale()).as("printed precision kept").isEqualTo(2);

        DisclosureValidated validated = EventJson.read(fixture(version, Topics.VALIDATED), DisclosureValidated.class);
        Finding finding = validated.findings().get(0);
        assertThat(finding.expected().low()).isEqualTo(new BigDecimal("99.98"));
        assertThat(finding.excess()).isEqualTo(new BigDecimal("9.98"));
        assertThat(finding.evidence().get(0).tableId()).isEqualTo("t1");

        DisclosureReceived received = EventJson.read(fixture(version, Topics.RECEIVED), DisclosureReceived.class);
        assertThat(new String(received.content(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("compat");
        assertThat(DocumentIds.of(received.content())).isEqualTo(received.documentId());
    }
}
