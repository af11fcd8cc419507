package io.budgetlens.events.serde;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.budgetlens.events.Topics;

/**
 * Reads a compacted topic from its beginning up to the end offsets seen when the read starts, without a consumer
 * group (nothing is committed, no other consumer is disturbed): how a consumer rebuilds its state from history, and
 * how BudgetLens re-parses and re-validates it.
 */
public final class TopicHistory {

    private static final byte[] NONE = new byte[0];

    private TopicHistory() {
    }

    /**
     * @param kafkaConfig client settings (bootstrap servers, security…)
     * @param withValues  false to skip the values (only keys are needed): a record's value is then an empty array,
     *                    a tombstone's (a deleted document's) still null
     * @return the number of records read
     */
    public static long read(Map<String, Object> kafkaConfig, String topic, boolean withValues,
                            Consumer<ConsumerRecord<String, byte[]>> sink) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES * 2);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, withValues ? 20 : 500);
        Deserializer<byte[]> values = withValues ? new ByteArrayDeserializer() : (t, data) -> data == null ? null : NONE;
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        sink.accept(record);
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
