package io.budgetlens.events;

import java.util.Map;

/**
 * One Kafka topic of the public contract: its name, partition count and the topic-level configs
 * (cleanup policy, retention, maximum message size) that every environment must create it with.
 */
public record TopicSpec(String name, int partitions, String cleanupPolicy, long retentionMs, int maxMessageBytes,
                        String description) {

    /** Kafka topic-level configuration for this topic (as given to AdminClient, Strimzi or kafka-topics.sh). */
    public Map<String, String> configs() {
        return Map.of(
                "cleanup.policy", cleanupPolicy,
                "retention.ms", Long.toString(retentionMs),
                "max.message.bytes", Integer.toString(maxMessageBytes));
    }

    public boolean compacted() {
        return cleanupPolicy.contains("compact");
    }
}
