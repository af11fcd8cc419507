package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.budgetlens.events.Topics;

/**
 * The local stack's broker and database, each started as its own JVM exactly as ./budgetlens starts them: the
 * contract topics exist with their settings, and after a stop and a second start the topics, the records and the
 * database rows are still there.
 */
class LocalStackRestartTest {

    @TempDir
    Path state;

    private final List<Process> processes = new ArrayList<>();
    private int starts = 1;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void brokerAndDatabaseKeepTheirDataAcrossARestart() throws Exception {
        int kafkaPort = freePort();
        int controllerPort = freePort();
        int pgPort = freePort();
        String bootstrap = "localhost:" + kafkaPort;
        String jdbc = "jdbc:postgresql://localhost:" + pgPort + "/" + LocalPostgres.DATABASE;

        Process kafka = start("kafka", LocalKafka.class, state.resolve("kafka").toString(), "" + kafkaPort, "" + controllerPort);
        Process pg = start("postgres", LocalPostgres.class, state.resolve("postgres").toString(), "" + pgPort);
        awaitReady("kafka", "BUDGETLENS-TOPICS-READY", kafka);
        awaitReady("postgres", "BUDGETLENS-POSTGRES-READY", pg);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Topics.ALL.stream().map(t -> t.name()).toList());
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RECEIVED);
            var config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config.get("max.message.bytes").value()).isEqualTo("16777216");
            assertThat(admin.describeTopics(List.of(Topics.PARSED)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.PARSED).partitions()).hasSize(Topics.PARTITIONS);
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ANOMALY, "doc-1", "kept")).get(30, TimeUnit.SECONDS);
        }
        try (var connection = DriverManager.getConnection(jdbc, LocalPostgres.USER, "")) {
            connection.createStatement().execute("CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('row')");
        }

        stopAll();
        processes.clear();
        starts++;
        kafka = start("kafka", LocalKafka.class, state.resolve("kafka").toString(), "" + kafkaPort, "" + controllerPort);
        pg = start("postgres", LocalPostgres.class, state.resolve("postgres").toString(), "" + pgPort);
        awaitReady("kafka", "BUDGETLENS-TOPICS-READY", kafka);
        awaitReady("postgres", "BUDGETLENS-POSTGRES-READY", pg);

        assertThat(Files.readString(state.resolve("kafka-2.log"))).contains("Reusing formatted Kafka storage")
                .contains("(0 created)");
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ANOMALY));
            List<String> values = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("kept");
        }
        try (var connection = DriverManager.getConnection(jdbc, LocalPostgres.USER, "");
             var rows = connection.createStatement().executeQuery("SELECT value FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("row");
        }
    }

    private Process start(String name, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        File log = state.resolve(name + "-" + starts + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        processes.add(process);
        return process;
    }

    /** Waits for the ready line the launcher also waits for, in the log of this start. */
    private void awaitReady(String name, String marker, Process process) {
        Path log = state.resolve(name + "-" + starts + ".log");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("%s is running; its log:%n%s", name, read(log)).isTrue();
            return read(log).contains(marker);
        });
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
