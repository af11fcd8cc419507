package io.budgetlens.testsupport;

import java.util.List;
import java.util.Properties;

import io.budgetlens.events.TopicSpec;
import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.TopicAdmin;
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

    /**
     * JVM-wide, not per class loader: a {@code @TestProfile} restarts Quarkus with new class loaders, and this class
     * with them; the broker started first keeps serving (its address is in a system property).
     */
    static final String STARTED = "budgetlens.test.kafka.bootstrap";

    public static synchronized String bootstrapServers() {
        String running = System.getProperty(STARTED);
        if (broker == null && running != null) {
            return running;
        }
        if (broker == null) {
            broker = startWithRetry();
            createTopics(broker.getAdvertisedListeners(), Topics.ALL);
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
            System.setProperty(STARTED, broker.getAdvertisedListeners());
        }
        return broker.getAdvertisedListeners();
    }

    /**
     * The embedded broker chooses a free port before it binds it; another process (a parallel build) can take the
     * port in between. A bind failure is retried on new ports.
     */
    private static EmbeddedKafkaBroker startWithRetry() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            EmbeddedKafkaBroker candidate = new EmbeddedKafkaBroker()
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(SharedKafkaBroker::brokerProperties);
            try {
                return candidate.start();
            } catch (RuntimeException e) {
                last = e;
                candidate.close();
                if (!causedByBind(e)) {
                    throw e;
                }
            }
        }
        throw last;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** The local stack's broker settings (TopicAdmin): single node, 16 MiB records, no topic auto-creation. */
    public static void brokerProperties(Properties props) {
        props.putAll(TopicAdmin.singleNodeBrokerProperties());
    }

    /** Creates the given topics with their contract settings; topics that already exist are left alone. */
    public static void createTopics(String bootstrapServers, List<TopicSpec> specs) {
        try {
            TopicAdmin.createMissing(bootstrapServers, specs);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the contract topics on " + bootstrapServers, e);
        }
    }
}
