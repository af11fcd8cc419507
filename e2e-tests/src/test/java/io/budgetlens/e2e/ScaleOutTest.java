package io.budgetlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.budgetlens.events.EventJson;
import io.budgetlens.localstack.BenchCorpus;
import io.budgetlens.testsupport.ServiceProcess;
import io.budgetlens.testsupport.SharedKafkaBroker;
import io.budgetlens.testsupport.SharedPostgres;

/**
 * Scale-out: two instances of each service on one broker (the contract's 6 partitions shared between them, every
 * instance owning some) and one database. While 300 new documents stream in through both ingest instances, one
 * instance of each service is killed with SIGKILL (no shutdown: offsets not committed, writes cut short); the
 * survivors take over its partitions and every document ends VALIDATED, stored once with all its findings, nothing
 * lost and nothing doubled. Runs in its own JVM (its own broker and database; see the module's pom).
 */
class ScaleOutTest {

    static final int DOCUMENTS = 300;
    static final String[] SERVICES = {"ingest-service", "validation-service", "reporting-service"};
    static final Pattern ASSIGNED = Pattern.compile(
            "^kafka_consumer_coordinator_assigned_partitions\\{client_id=\"kafka-consumer-([a-z]+)[^\"]*\"[^}]*} ([0-9.]+)$",
            Pattern.MULTILINE);

    static final Map<String, List<ServiceProcess>> instances = new ConcurrentHashMap<>();
    /** Writes need a submitter's token since the security work (issue 16). */
    static final String SUBMITTER = io.budgetlens.testsupport.TestTokens.submitter();

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void twoInstancesOfEachService() {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", SharedKafkaBroker.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", SharedPostgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", SharedPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", ""));
        environment.putAll(io.budgetlens.testsupport.TestTokens.environment()); // the services verify the test's tokens
        for (String service : SERVICES) {
            List<ServiceProcess> two = List.of(new ServiceProcess(service, environment).start(),
                    new ServiceProcess(service, environment).start());
            instances.put(service, two);
            // one after the other: reporting's first instance migrates the schema before the second starts
            two.forEach(s -> s.awaitReady(Duration.ofSeconds(180)));
        }
    }

    @AfterAll
    static void stop() {
        instances.values().forEach(list -> list.forEach(ServiceProcess::close));
    }

    @Test
    void killingOneInstanceOfEachServiceMidStreamLosesAndDoublesNothing() throws Exception {
        // both instances of each service own partitions of its topics
        await("partitions shared by both instances").atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String service : SERVICES) {
                for (ServiceProcess s : instances.get(service)) {
                    assertThat(assigned(s).values()).as(service + " on " + s.url()).allMatch(n -> n > 0)
                            .isNotEmpty();
                }
            }
        });

        BenchCorpus corpus = BenchCorpus.fromDirectory(Path.of("..", "samples"));
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        List<ServiceProcess> ingest = new CopyOnWriteArrayList<>(instances.get("ingest-service"));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sending = new ArrayList<>();
        // the last third waits for the kill: on a slow or busy machine the first 20 documents can take longer to get
        // through than all 300 take to send, and a kill after the last POST would not be mid-stream
        CountDownLatch killed = new CountDownLatch(1);
        for (int c = 0; c < 4; c++) {
            sending.add(clients.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < DOCUMENTS; ) {
                    if (i >= 2 * DOCUMENTS / 3 && !killed.await(240, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no kill within 240 s");
                    }
                    ids.add(post(corpus.document(i), ingest, i));
                }
                return null;
            }));
        }

        try (Connection db = DriverManager.getConnection(SharedPostgres.jdbcUrl(), SharedPostgres.USER, "")) {
            // mid-stream: a third of the documents sent and some already through the whole pipeline
            await("documents flowing").atMost(Duration.ofSeconds(240))
                    .until(() -> next.get() >= DOCUMENTS / 3 && validated(db, ids) >= 20);
            int sentAtKill = Math.min(next.get(), DOCUMENTS);
            for (String service : SERVICES) {
                instances.get(service).get(0).kill();
            }
            ingest.remove(0);
            killed.countDown();
            assertThat(sentAtKill).as("killed mid-stream").isLessThan(DOCUMENTS);

            for (Future<?> f : sending) {
                f.get();
            }
            clients.shutdown();
            assertThat(ids).as("every document accepted by one instance or the other").hasSize(DOCUMENTS);

            // the survivors took over the dead instances' partitions
            await("survivors own every partition").atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (String service : SERVICES) {
                    assertThat(assigned(instances.get(service).get(1)).values()).as(service)
                            .allMatch(n -> n == 6);
                }
            });
            await("every document VALIDATED").atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> validated(db, ids) == DOCUMENTS);

            // stored once each, with exactly the findings their reports counted: none lost, none doubled
            try (PreparedStatement q = db.prepareStatement("""
                    SELECT count(*), count(DISTINCT d.document_id),
                           count(*) FILTER (WHERE d.status <> 'VALIDATED'),
                           count(*) FILTER (WHERE d.error_count + d.warning_count + d.info_count
                                            <> (SELECT count(*) FROM finding f WHERE f.document_id = d.document_id
                                                AND f.source = 'VALIDATION')),
                           count(*) FILTER (WHERE d.text IS NULL OR d.received_at IS NULL)
                    FROM disclosure d WHERE d.document_id = ANY(?::bpchar[])""")) {
                q.setArray(1, db.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("rows").isEqualTo(DOCUMENTS);
                    assertThat(rs.getInt(2)).as("distinct documents").isEqualTo(DOCUMENTS);
                    assertThat(rs.getInt(3)).as("not VALIDATED").isZero();
                    assertThat(rs.getInt(4)).as("documents whose finding rows differ from their report's counts")
                            .isZero();
                    assertThat(rs.getInt(5)).as("documents missing what an event carried").isZero();
                }
            }
        }
    }

    /**
     * Sends a document to one of the ingest instances; when an instance is gone (connection refused or cut), the
     * same bytes go to the other, as a client would retry: answered 202, or 200 duplicate when the dead instance had
     * already published them.
     */
    static String post(BenchCorpus.Document d, List<ServiceProcess> ingest, int i) throws Exception {
        for (int attempt = 0; ; attempt++) {
            List<ServiceProcess> live = List.copyOf(ingest);
            ServiceProcess target = live.get((i + attempt) % live.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url() + "/api/v1/documents?filename="
                            + d.filename())).header("Content-Type", d.contentType()).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + SUBMITTER)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.content())).build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 202 || response.statusCode() == 200) {
                    JsonNode answer = EventJson.mapper().readTree(response.body());
                    return answer.path("documentId").asText();
                }
                if (response.statusCode() != 503 || attempt > 20) {
                    throw new AssertionError(d.filename() + " answered " + response.statusCode() + ": "
                            + new String(response.body()));
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // the instance was killed: try the other one
            } catch (IOException e) {
                // the connection was cut while the instance died
            }
            if (attempt > 40) {
                throw new AssertionError(d.filename() + " could not be sent to any ingest instance");
            }
        }
    }

    static int validated(Connection db, Set<String> ids) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT count(*) FROM disclosure WHERE status = 'VALIDATED' AND document_id = ANY(?::bpchar[])")) {
            q.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Partitions assigned to an instance's consumers, by channel (received, parsed, validated), from /q/metrics. */
    private static Map<String, Double> assigned(ServiceProcess s) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> byChannel = new java.util.TreeMap<>();
        Matcher m = ASSIGNED.matcher(metrics);
        while (m.find()) {
            byChannel.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
        }
        return byChannel;
    }
}
