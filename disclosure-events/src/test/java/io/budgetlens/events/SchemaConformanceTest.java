package io.budgetlens.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Serialized sample events of every type validate against their topic's JSON Schema, and the schema declares every
 * field the records write (checked by validating against a copy with additionalProperties=false everywhere).
 */
class SchemaConformanceTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    static JsonNode schemaNode(EventSpec spec) throws IOException {
        try (InputStream in = SchemaConformanceTest.class.getResourceAsStream(spec.schemaResource())) {
            assertThat(in).as("schema resource %s", spec.schemaResource()).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }

    static Set<ValidationMessage> validate(JsonNode schema, JsonNode event) {
        return FACTORY.getSchema(schema).validate(event);
    }

    /** The published schemas allow unknown fields (additive evolution); this copy does not, to catch omissions. */
    static JsonNode closed(JsonNode node) {
        JsonNode copy = node.deepCopy();
        close(copy);
        return copy;
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(SchemaConformanceTest::close);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(SchemaConformanceTest::close);
        }
    }

    @Test
    void everySampleEventValidatesAgainstItsClosedSchema() throws IOException {
        for (var entry : SampleEvents.all().entrySet()) {
            assertClosedSchemaAccepts(entry.getKey(), entry.getValue(), "v1.0");
        }
        for (var entry : SampleEvents.allV11().entrySet()) {
            assertClosedSchemaAccepts(entry.getKey(), entry.getValue(), "v1.1");
        }
    }

    private static void assertClosedSchemaAccepts(EventSpec spec, Object event, String shape) throws IOException {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(event));
        assertThat(validate(closed(schemaNode(spec)), json))
                .as("%s %s sample against its closed schema", shape, spec.topic())
                .isEmpty();
    }

    @Test
    void amountsAreDecimalStringsNeverJsonNumbers() throws IOException {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(SampleEvents.validated()));
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("actual").isTextual()).isTrue();
        assertThat(finding.get("actual").asText()).isEqualTo("8.47");
        assertThat(json.get("completeness").asText()).isEqualTo("0.8750");

        ((ObjectNode) finding).put("actual", 8.47);
        assertThat(validate(schemaNode(EventSpec.VALIDATED), json))
                .as("a floating-point amount is refused by the schema")
                .isNotEmpty();
    }

    @Test
    void schemaRefusesAMalformedDocumentId() throws IOException {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(SampleEvents.anomaly()));
        json.put("documentId", "not-a-sha256");
        assertThat(validate(schemaNode(EventSpec.ANOMALY), json)).isNotEmpty();
    }

    @Test
    void everyEventRoundTripsThroughJsonUnchanged() {
        var all = new ArrayList<>(SampleEvents.all().entrySet());
        all.addAll(SampleEvents.allV11().entrySet());
        for (var entry : all) {
            Object event = entry.getValue();
            Object back = EventJson.read(EventJson.write(event), entry.getKey().valueType());
            assertThat(EventJson.write(back)).as(entry.getKey().topic()).isEqualTo(EventJson.write(event));
        }
    }
}
