package io.budgetlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.EventSpec;
import io.budgetlens.events.TopicSpec;
import io.budgetlens.events.Topics;

/**
 * docs/asyncapi.yaml says what the contract module says: every topic is a channel with its partitions and topic
 * configuration, nothing stale is left, every event message points at the topic's JSON Schema, and the CloudEvents
 * headers are declared. (Its validity as AsyncAPI is checked by @asyncapi/parser in .ci/run.)
 */
class AsyncApiContractTest {

    private static final Path DOC = Manifests.REPO.resolve("docs/asyncapi.yaml");

    @Test
    void isAnAsyncApi3DocumentWithExactlyTheContractTopics() {
        JsonNode doc = Manifests.yaml(DOC);
        assertThat(doc.get("asyncapi").asText()).startsWith("3.");
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
    }

    @Test
    void channelBindingsCarryTheContractsPartitionsAndTopicConfiguration() {
        JsonNode doc = Manifests.yaml(DOC);
        for (TopicSpec spec : Topics.ALL) {
            JsonNode kafka = channel(doc, spec.name()).get("bindings").get("kafka");
            assertThat(kafka.get("topic").asText()).isEqualTo(spec.name());
            assertThat(kafka.get("partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
            JsonNode config = kafka.get("topicConfiguration");
            assertThat(config.get("cleanup.policy").get(0).asText()).isEqualTo(spec.cleanupPolicy());
            assertThat(config.get("retention.ms").asLong()).isEqualTo(spec.retentionMs());
            assertThat(config.get("max.message.bytes").asInt()).isEqualTo(spec.maxMessageBytes());
        }
    }

    @Test
    void everyEventMessagePointsAtItsSchemaAndDeclaresTheCloudEventsHeaders() {
        JsonNode doc = Manifests.yaml(DOC);
        for (EventSpec spec : EventSpec.ALL) {
            JsonNode channel = channel(doc, spec.topic());
            String messageRef = channel.get("messages").elements().next().get("$ref").asText();
            JsonNode message = resolve(doc, messageRef);
            String schemaRef = message.get("payload").get("schema").get("$ref").asText();
            assertThat(schemaRef).endsWith(spec.schemaResource());
            assertThat(DOC.getParent().resolve(schemaRef).normalize()).as(schemaRef).exists();
            assertThat(message.get("payload").get("schemaFormat").asText()).contains("draft-07");

            JsonNode headers = resolve(doc, message.get("headers").get("$ref").asText());
            for (String header : List.of(CloudEvents.H_SPECVERSION, CloudEvents.H_ID, CloudEvents.H_TYPE,
                    CloudEvents.H_SOURCE, CloudEvents.H_SUBJECT, CloudEvents.H_TIME)) {
                assertThat(headers.get("properties").has(header)).as(header).isTrue();
                assertThat(headers.get("required").toString()).contains(header);
            }
        }
    }

    @Test
    void everyChannelHasASendingOperation() {
        JsonNode doc = Manifests.yaml(DOC);
        Map<String, Boolean> covered = new java.util.HashMap<>();
        doc.get("channels").fieldNames().forEachRemaining(id -> covered.put(id, false));
        doc.get("operations").forEach(op -> {
            assertThat(op.get("action").asText()).isEqualTo("send");
            covered.put(op.get("channel").get("$ref").asText().replace("#/channels/", ""), true);
        });
        assertThat(covered).allSatisfy((id, yes) -> assertThat(yes).as(id).isTrue());
    }

    private static JsonNode channel(JsonNode doc, String address) {
        for (JsonNode channel : doc.get("channels")) {
            if (channel.get("address").asText().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("No channel for " + address);
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode node = doc;
        for (String part : ref.replace("#/", "").split("/")) {
            node = node.get(part);
        }
        return node;
    }
}
