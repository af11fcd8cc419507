package io.budgetlens.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The topic list, its settings and the CloudEvents attributes are the contract docs/events.md describes. */
class TopicsTest {

    @Test
    void everyEventTopicIsVersionedHasASchemaAndIsInTheTopicList() {
        for (EventSpec spec : EventSpec.ALL) {
            assertThat(spec.topic()).matches("disclosure\\.[a-z]+\\.v[0-9]+");
            assertThat(spec.ceType()).isEqualTo("io.budgetlens." + spec.topic());
            assertThat(getClass().getResource(spec.schemaResource())).as(spec.schemaResource()).isNotNull();
            assertThat(Topics.ALL).extracting(TopicSpec::name).contains(spec.topic());
        }
    }

    @Test
    void historyTopicsAreCompactedAndCarryWholeDocuments() {
        assertThat(Topics.RECEIVED_SPEC.compacted()).isTrue();
        assertThat(Topics.PARSED_SPEC.compacted()).isTrue();
        assertThat(Topics.VALIDATED_SPEC.compacted()).isTrue();
        assertThat(Topics.ANOMALY_SPEC.compacted()).isFalse();
        assertThat(Topics.RECEIVED_SPEC.configs()).containsEntry("max.message.bytes", "16777216");
        assertThat(Topics.MAX_MESSAGE_BYTES).isGreaterThan(Topics.MAX_DOCUMENT_BYTES * 4 / 3 + 64 * 1024)
                .as("a 10 MiB document grows by a third in base64 and still fits");
    }

    @Test
    void everyConsumerHasItsOwnDeadLetterTopic() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).contains(
                "disclosure.received.v1.ingest.dlq", "disclosure.parsed.v1.validation.dlq",
                "disclosure.received.v1.reporting.dlq", "disclosure.parsed.v1.reporting.dlq",
                "disclosure.validated.v1.reporting.dlq");
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates();
    }

    @Test
    void cloudEventIdsAreDeterministicSoRedeliveriesCanBeDeduplicated() {
        String id = CloudEvents.id("abc", DisclosureParsed.TYPE, "0.1.0", null);
        assertThat(id).isEqualTo("abc:io.budgetlens.disclosure.parsed.v1:0.1.0")
                .isEqualTo(CloudEvents.id("abc", DisclosureParsed.TYPE, "0.1.0", null));
        Map<String, byte[]> headers = CloudEvents.headers(id, DisclosureParsed.TYPE, CloudEvents.SOURCE_INGEST, "abc",
                Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(headers).containsOnlyKeys("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject",
                "ce_time", "content-type");
        assertThat(new String(headers.get("ce_time"), StandardCharsets.UTF_8)).isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void documentIdIsTheSha256OfTheBytes() {
        assertThat(DocumentIds.of("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(DocumentIds.isWellFormed("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isTrue();
        assertThat(DocumentIds.isWellFormed("BA7816BF")).isFalse();
    }
}
