package io.budgetlens.events.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import io.budgetlens.events.EventJson;

/**
 * Kafka deserializer of one contract record type. Malformed JSON raises a {@link SerializationException}, which a
 * SmallRye consumer with {@code fail-on-deserialization-failure=false} turns into a dead-lettered record.
 */
public abstract class EventDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(data, type);
        } catch (Exception e) {
            throw new SerializationException("Record on " + topic + " is not a valid " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }
}
