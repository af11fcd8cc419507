package io.budgetlens.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
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
    @ValueSource(strings = {"v1.0", "v1.1"})
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

    /**
     * A consumer built against v1.0 (its schemas, frozen in compat/v1.0-schemas) accepts v1.1 events: every v1.1
     * field is optional and additional. The v1.1 fixtures are the SampleEvents of the v1.1 shape, frozen.
     */
    @Test
    void newEventsValidateAgainstTheV10Schemas() throws IOException {
        for (EventSpec spec : EventSpec.ALL) {
            JsonNode node = EventJson.mapper().readTree(fixture("v1.1", spec.topic()));
            JsonNode v10Schema;
            try (InputStream in = CompatibilityTest.class.getResourceAsStream(
                    "/compat/v1.0-schemas/" + spec.topic() + ".schema.json")) {
                v10Schema = EventJson.mapper().readTree(in);
            }
            assertThat(SchemaConformanceTest.validate(v10Schema, node))
                    .as("v1.1 %s against the frozen v1.0 schema", spec.topic()).isEmpty();
        }
    }

    @Test
    void frozenV11FixturesAreWhatTheProducersWriteToday() throws IOException {
        for (var entry : SampleEvents.allV11().entrySet()) {
            JsonNode frozen = EventJson.mapper().readTree(fixture("v1.1", entry.getKey().topic()));
            JsonNode now = EventJson.mapper().readTree(EventJson.write(entry.getValue()));
            assertThat(now.toString()).as("v1.1 %s", entry.getKey().topic()).isEqualTo(frozen.toString());
        }
    }

    @Test
    void newFieldsReadBack() throws IOException {
        DisclosureReceived received = EventJson.read(fixture("v1.1", Topics.RECEIVED), DisclosureReceived.class);
        assertThat(received.revisionNumber()).isEqualTo(2);
        assertThat(received.allParts()).extracting(ReceivedPart::sha256)
                .containsExactly(SampleEvents.PART_A, SampleEvents.PART_B);
        assertThat(received.allParts().get(1).content()).isNotEmpty();
        assertThat(received.documentId()).isNotEqualTo(DocumentIds.ofParts(
                List.of(SampleEvents.PART_A, SampleEvents.PART_B)));

        DisclosureParsed parsed = EventJson.read(fixture("v1.1", Topics.PARSED), DisclosureParsed.class);
        assertThat(parsed.facts().get(0).evidence().box()).isEqualTo(SampleEvents.BOX);
        assertThat(parsed.facts().get(0).evidence().page()).isEqualTo(3);
        assertThat(parsed.tables().get(0).rows().get(0).cellBox(3)).isNull();
        assertThat(parsed.tables().get(0).label()).isEqualTo("公开01表");
        SummaryEntry income = parsed.summary().get("income.total");
        assertThat(income.value()).isEqualByComparingTo("27664.22");
        assertThat(income.printed().toPlainString()).isEqualTo("276642200.00");
        assertThat(income.printedUnit()).isEqualTo("元");
        assertThat(parsed.meta().templateFamily()).isEqualTo("JIANGSU");

        DisclosureValidated validated = EventJson.read(fixture("v1.1", Topics.VALIDATED), DisclosureValidated.class);
        assertThat(validated.findings().get(0).evidence().get(0).part()).isEqualTo(1);
    }

    @Test
    void writeStringIsTheSameJsonAsWrite() {
        for (Object event : SampleEvents.allV11().values()) {
            assertThat(EventJson.writeString(event))
                    .isEqualTo(new String(EventJson.write(event), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(EventJson.writeString(SampleEvents.parsed().facts())).contains("一般公共服务支出");
    }

    @Test
    void theCeIdOfRevisionOneIsTheV10Id() {
        assertThat(CloudEvents.revisionVersion("0.4.0", 1)).isEqualTo("0.4.0");
        assertThat(CloudEvents.revisionVersion("0.4.0", 2)).isEqualTo("0.4.0+r2");
    }

    @Test
    void partsMakeOneIdWhateverTheirOrder() {
        String ab = DocumentIds.ofParts(List.of(SampleEvents.PART_A, SampleEvents.PART_B));
        String ba = DocumentIds.ofParts(List.of(SampleEvents.PART_B, SampleEvents.PART_A));
        assertThat(ab).isEqualTo(ba).matches("[0-9a-f]{64}");
        assertThat(DocumentIds.ofParts(List.of(SampleEvents.PART_A))).isEqualTo(SampleEvents.PART_A);
        assertThat(DocumentIds.ofDraft("u", "n1", ab)).isNotEqualTo(DocumentIds.ofDraft("u", "n2", ab))
                .isNotEqualTo(ab);
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
