package io.budgetlens.service;

import java.time.Instant;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.serde.KafkaHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** An event as every producer sends it: keyed by its documentId, with the contract's CloudEvents headers. */
public final class EventMessages {

    private EventMessages() {
    }

    /**
     * @param id     the deterministic ce_id ({@link CloudEvents#id})
     * @param source the producer's ce_source ({@link CloudEvents#SOURCE_INGEST}…)
     * @param time   ce_time: when the event happened (received, parsed, validated, detected)
     */
    public static <T> Message<T> keyed(T payload, String documentId, String id, String type, String source,
                                       Instant time) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(documentId)
                .withHeaders(KafkaHeaders.of(CloudEvents.headers(id, type, source, documentId, time)))
                .build();
        return Message.of(payload).addMetadata(metadata);
    }
}
