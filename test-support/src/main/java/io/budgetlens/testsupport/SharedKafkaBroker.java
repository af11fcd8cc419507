package io.budgetlens.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.budgetlens.events.TopicSpec;
import io.budgetlens.events.Topics;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * One real KRaft broker (SmallRye's {@link EmbeddedKafkaBroker}, Kafka from the Quarkus BOM) per test JVM,
 * started on first use with every contract topic created as the contract says (partitions, compaction, 16 MiB
 * records), auto-creation off. Stopped by a shutdown hook.
 */
public final class SharedKafkaBroker {

    private static EmbeddedKafkaBroker broker;

    private SharedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(SharedKafkaBroker::brokerProperties)
                    .start();
            createTopics(broker.getAdvertisedListeners(), Topics.ALL);
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
        }
        return broker.getAdvertisedListeners();
    }

    /** Broker settings shared with the local stack: single node, 16 MiB records, no topic auto-creation. */
    public static void brokerProperties(Properties props) {
        props.put("auto.create.topics.enable", "false");
        props.put("message.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put("replica.fetch.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.enable", "true");
    }

    /** Creates the given topics with their contract settings; topics that already exist are left alone. */
    public static void createTopics(String bootstrapServers, List<TopicSpec> specs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the contract topics on " + bootstrapServers, e);
        }
    }
}
