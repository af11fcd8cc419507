package io.budgetlens.events.serde;

import org.apache.kafka.common.serialization.Serializer;

import io.budgetlens.events.EventJson;

/**
 * Kafka serializer writing any contract record as JSON with the contract's settings. A {@code byte[]} passes through
 * unchanged, so a dead-letter producer can forward the raw bytes of a record that could not be deserialized.
 */
public class EventSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        return data instanceof byte[] raw ? raw : EventJson.write(data);
    }
}
