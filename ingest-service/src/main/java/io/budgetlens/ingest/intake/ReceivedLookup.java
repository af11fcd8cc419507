package io.budgetlens.ingest.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Topics;
import io.smallrye.common.annotation.Identifier;

/**
 * The current record of one document on the compacted {@code disclosure.received.v1}: its parts and bytes, needed to
 * publish the next revision when a part is added. Keys are partitioned by the producer's default (murmur2 of the
 * key), so only the key's partition is read, from the offset the index last saw for it (or from the beginning).
 */
@ApplicationScoped
public class ReceivedLookup {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ReceivedIndex index;

    public Optional<DisclosureReceived> latest(String documentId) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES * 2);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            int partitions = consumer.partitionsFor(Topics.RECEIVED, Duration.ofSeconds(30)).size();
            TopicPartition tp = new TopicPartition(Topics.RECEIVED, partitionOf(documentId, partitions));
            consumer.assign(List.of(tp));
            long from = index.offsetOf(documentId);
            if (from >= 0) {
                consumer.seek(tp, from);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
            byte[] latest = null;
            while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end && documentId.equals(r.key())) {
                        latest = r.value();
                    }
                }
            }
            return latest == null ? Optional.empty() : Optional.of(EventJson.read(latest, DisclosureReceived.class));
        }
    }

    /** The partition Kafka's default partitioner gives a String key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }
}
