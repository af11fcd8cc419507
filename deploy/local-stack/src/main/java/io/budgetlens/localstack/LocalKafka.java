package io.budgetlens.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.TopicAdmin;

/**
 * A real single-node KRaft Kafka broker for the local stack, in its own JVM: writes server.properties under the state
 * directory, formats the storage with Kafka's StorageTool on first start only (so a restart keeps every topic), runs
 * Kafka's own server main, and creates the contract topics (partitions, compaction, 16 MiB records).
 *
 * <p>Usage: {@code LocalKafka <state-dir> <port> <controller-port>}
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalKafka <state-dir> <port> <controller-port>");
            System.exit(2);
        }
        Path stateDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path dataDir = stateDir.resolve("data");
        Files.createDirectories(dataDir);

        Path config = stateDir.resolve("server.properties");
        writeConfig(config, dataDir, port, controllerPort);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            System.out.println("Formatting Kafka storage in " + dataDir + " (cluster " + clusterId + ")");
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString()}, System.out);
            if (rc != 0) {
                System.err.println("Kafka StorageTool format failed with exit code " + rc);
                System.exit(1);
            }
        } else {
            System.out.println("Reusing formatted Kafka storage in " + dataDir);
        }

        Thread topics = new Thread(() -> createTopics("localhost:" + port), "create-contract-topics");
        topics.setDaemon(true);
        topics.start();
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static void writeConfig(Path file, Path dataDir, int port, int controllerPort) throws IOException {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("num.partitions", "1");
        props.putAll(TopicAdmin.singleNodeBrokerProperties());
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "BudgetLens local stack broker (written at every start)");
        }
    }

    /** Creates every contract topic that does not exist yet, retrying until the broker answers. */
    static void createTopics(String bootstrap) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                int created = TopicAdmin.createMissing(bootstrap, Topics.ALL);
                System.out.println("BUDGETLENS-TOPICS-READY " + Topics.ALL.size() + " contract topics present ("
                        + created + " created)");
                return;
            } catch (Exception e) {
                sleepQuietly();
            }
        }
        System.err.println("Could not create the contract topics within 2 minutes");
    }

    private static void sleepQuietly() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
