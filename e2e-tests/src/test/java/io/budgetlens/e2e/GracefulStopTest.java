package io.budgetlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.Topics;
import io.budgetlens.localstack.BenchCorpus;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.ServiceProcess;
import io.budgetlens.testsupport.SharedKafkaBroker;
import io.budgetlens.testsupport.SharedPostgres;

/**
 * A rolling update of reporting-service: the instance is stopped the way Kubernetes stops a pod (SIGTERM, graceful
 * shutdown) while it works through a backlog, and a new instance takes over. Every document ends VALIDATED and no
 * record goes to a dead-letter topic. (Before the fix, the batches the stopping instance was writing failed on its
 * closed persistence unit, were taken for records the store cannot hold, and went to the dead-letter topics with
 * their offsets committed: thousands of valid records lost per restart under load.)
 */
class GracefulStopTest {

    static final int DOCUMENTS = 400;
    /** Bench documents of their own (ScaleOutTest sends 0–299 on the same broker and database). */
    static final int FIRST = 20_000;

    static final Map<String, String> environment = new HashMap<>();
    static ServiceProcess ingest;
    static ServiceProcess validation;
    static ServiceProcess reporting;

    @BeforeAll
    static void ingestAndValidation() {
        environment.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", SharedKafkaBroker.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", SharedPostgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", SharedPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", ""));
        environment.putAll(io.budgetlens.testsupport.TestTokens.environment());
        ingest = new ServiceProcess("ingest-service", environment).start().awaitReady(Duration.ofSeconds(180));
        validation = new ServiceProcess("validation-service", environment).start()
                .awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess s : new ServiceProcess[] {reporting, validation, ingest}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void stoppingReportingMidBacklogLosesNothingAndDeadLettersNothing() throws Exception {
        long validatedBefore = endOffset(Topics.VALIDATED);
        BenchCorpus corpus = BenchCorpus.fromDirectory(Path.of("..", "samples"));
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sending = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                sending.add(clients.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < DOCUMENTS; ) {
                        ids.add(ScaleOutTest.post(corpus.document(FIRST + i), List.of(ingest), i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : sending) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        assertThat(ids).hasSize(DOCUMENTS);
        // the backlog: every document parsed and validated before reporting-service starts
        await("all validated on the topic").atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(1))
                .until(() -> endOffset(Topics.VALIDATED) >= validatedBefore + DOCUMENTS);

        try (Connection db = DriverManager.getConnection(SharedPostgres.jdbcUrl(), SharedPostgres.USER, "")) {
            reporting = new ServiceProcess("reporting-service", environment).start()
                    .awaitReady(Duration.ofSeconds(180));
            await("reporting at work").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ScaleOutTest.validated(db, ids) >= 20);
            reporting.close(); // SIGTERM, and wait for the graceful shutdown
            int storedAtStop = ScaleOutTest.validated(db, ids);
            assertThat(storedAtStop).as("stopped with a backlog").isLessThan(DOCUMENTS);

            reporting = new ServiceProcess("reporting-service", environment).start()
                    .awaitReady(Duration.ofSeconds(180));
            await("every document VALIDATED").atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ScaleOutTest.validated(db, ids) == DOCUMENTS);
        }
        for (String deadLetters : List.of(Topics.RECEIVED_REPORTING_DLQ, Topics.PARSED_REPORTING_DLQ,
                Topics.VALIDATED_REPORTING_DLQ)) {
            assertThat(KafkaTestClient.readAll(deadLetters, Duration.ofSeconds(2)).stream()
                    .filter(r -> ids.contains(r.key())).map(r -> r.key()).collect(Collectors.toList()))
                    .as("this test's records dead-lettered on " + deadLetters).isEmpty();
        }
    }

    /** The sum of the topic's partitions' end offsets. */
    private static long endOffset(String topic) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }
}
