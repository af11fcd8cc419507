package io.budgetlens.events.serde;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.budgetlens.events.TopicSpec;
import io.budgetlens.events.Topics;

/**
 * Creating the contract's topics, and the settings a single-node broker needs to carry them (16 MiB records, no topic
 * auto-creation, internal topics with one replica). Used by the local stack and by the tests' embedded broker, so both
 * run the broker the same way.
 */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /** Broker settings of a single-node development or test broker for the contract topics. */
    public static Properties singleNodeBrokerProperties() {
        Properties props = new Properties();
        props.put("auto.create.topics.enable", "false");
        props.put("message.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put("replica.fetch.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.enable", "true");
        return props;
    }

    /**
     * Creates the topics that do not exist yet with their contract settings (one replica) and leaves existing ones
     * alone.
     *
     * @return how many topics were created
     * @throws Exception when the broker does not answer in time
     */
    public static int createMissing(String bootstrapServers, List<TopicSpec> specs) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()))
                    .toList();
            int created = 0;
            if (!missing.isEmpty()) {
                // One future per topic: a topic that exists by now (another client created it, or the admin client
                // retried a request the broker had already carried out) is there, which is all that is asked.
                for (var entry : admin.createTopics(missing).values().entrySet()) {
                    try {
                        entry.getValue().get(60, TimeUnit.SECONDS);
                        created++;
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
            return created;
        }
    }
}
