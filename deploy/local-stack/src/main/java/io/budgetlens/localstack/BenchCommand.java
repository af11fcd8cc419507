package io.budgetlens.localstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Visibility;
import io.budgetlens.localstack.BenchCorpus.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench [--documents N] [--clients C] [--rate R] [--warm-up W] [--json FILE]}: the load generator. Generates
 * N new text disclosures from the samples ({@link BenchCorpus}), posts them to ingest-service from C concurrent clients
 * (spread over every running ingest instance; after W uncounted ones with --warm-up), follows each to its VALIDATED
 * (or REJECTED) row in PostgreSQL, and reports
 * the accept rate, the end-to-end rate, the latency from POST to the stored final row, the CPU time each component
 * used per document, the load of the machine besides the stack, and the floor: the same records produced and
 * consumed on the same broker by a bare Kafka client ({@link KafkaFloor}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load the running stack with new documents and report throughput, latency, CPU per document "
                + "and the Kafka floor.")
public class BenchCommand extends Subcommand {

    /** What the services' producers compress with (application.properties); the floor uses the same. */
    static final String SERVICE_COMPRESSION = "lz4";

    /**
     * How often the followed rows are polled, and how many unfinished ones each poll looks up: the next ones in turn,
     * those still unfinished going to the back, so every document is looked at within (in flight / POLL_BATCH) polls
     * (a window fixed on the oldest showed a third of the finished documents during a long backlog). A document's end
     * time is its row's updated_at, not the poll that saw it, so a slower poll costs no precision; polling 2,000 ids
     * ten times a second was a tenth of PostgreSQL's CPU, and 2,000 twice a second still 0.36 ms of statement time per
     * document (pg_stat_statements, 2026-12-05) that the bench counted as the stack's.
     */
    private static final long POLL_MILLIS = 1000;
    private static final int POLL_BATCH = 1000;

    @Option(names = "--documents", paramLabel = "N", defaultValue = "1000", description = "Documents to send "
            + "(default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--clients", paramLabel = "C", defaultValue = "8", description = "Concurrent clients "
            + "(default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0", description = "Send at most R documents per "
            + "second in all (default: as fast as the clients go).")
    double rate;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results to FILE as JSON.")
    Path json;

    @Option(names = "--samples", paramLabel = "DIR", description = "Text disclosures to vary (default: samples/).")
    Path samples;

    @Option(names = "--first", paramLabel = "I", description = "Index of the first generated document, 0 or more "
            + "(default: the number of disclosures already stored, so that a second run sends new ones).")
    Integer first;

    @Option(names = "--warm-up", paramLabel = "W", defaultValue = "0", description = "First send W other new "
            + "documents and wait for them, without counting them: the services' JIT compilers take a few thousand "
            + "documents to settle (default ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--no-floor", description = "Skip the bare Kafka client run.")
    boolean noFloor;

    @Option(names = "--accept-only", description = "Measure accepting alone: send, count the 202s and their latency, "
            + "and do not follow the documents to PostgreSQL (for ingest's front door on its own, e.g. started with "
            + "MP_MESSAGING_INCOMING_RECEIVED_ENABLED=false so that it does not parse).")
    boolean acceptOnly;

    @Option(names = "--floor-compression", paramLabel = "TYPE", defaultValue = SERVICE_COMPRESSION,
            description = "The floor producer's compression.type (default ${DEFAULT-VALUE}, as the services').")
    String floorCompression;

    /** The results, as printed and as written with --json. */
    record Result(Instant startedAt, Map<String, Object> machine, Map<String, Object> run,
                  Map<String, Object> throughput, Map<String, Object> latencyMillis,
                  Map<String, Map<String, Object>> cpu, Map<String, Object> floor, Map<String, Object> postgresWal) {
    }

    @Override
    public Integer call() throws Exception {
        if (documents < 1 || clients < 1 || rate < 0 || warmUp < 0) {
            throw new CliException("--documents and --clients must be at least 1, --rate and --warm-up not negative");
        }
        if (first != null && first < 0) {
            throw new CliException("--first must be 0 or more (the index of the first generated document); got "
                    + first);
        }
        if (json != null) {
            checkWritable(json); // before the run, not after minutes of it
        }
        Path home = Path.of(System.getProperty("budgetlens.home", ".budgetlens"));
        List<String> ingestUrls = Arrays.stream(System.getProperty("budgetlens.ingest.urls",
                System.getProperty("budgetlens.ingest.url", "http://localhost:8081")).split(",")).toList();
        String jdbcUrl = System.getProperty("budgetlens.jdbc.url", "jdbc:postgresql://localhost:15432/budgetlens");
        String bootstrap = System.getProperty("budgetlens.kafka.bootstrap", "localhost:9092");
        BenchCorpus corpus = BenchCorpus.fromDirectory(samples != null ? samples
                : Path.of(System.getProperty("budgetlens.samples", "samples")));

        int from = first != null ? first : storedDisclosures(jdbcUrl);
        if (from + warmUp + documents > corpus.distinctIdentities()) {
            cli.out().printf("Note: variants from %d on repeat a department, year and kind of an earlier variant "
                    + "(only their 索引号 differs), so reporting-service checks again every stored document compared "
                    + "with each: slower per document than a province's first intake. For that, start from a fresh "
                    + "stack (./budgetlens down; rm -rf .budgetlens) or give --first.%n", corpus.distinctIdentities());
        }
        if (warmUp > 0) {
            cli.out().printf("Warm-up: %d documents (variants %d to %d), not counted ...%n", warmUp, from,
                    from + warmUp - 1);
            Document[] warm = new Document[warmUp];
            for (int i = 0; i < warmUp; i++) {
                warm[i] = corpus.document(from + i);
            }
            Run warming = new Run(warm, ingestUrls, jdbcUrl);
            if (!warming.execute()) {
                throw new CliException("the warm-up did not finish (" + warming.validated.get() + " VALIDATED, "
                        + warming.rejected.get() + " REJECTED of " + warming.accepted.get() + " accepted): is every "
                        + "service up? Try ./budgetlens status");
            }
            from += warmUp;
        }
        cli.out().printf("Generating %d documents (variants %d to %d) from %d samples ...%n", documents, from,
                from + documents - 1, corpus.samples());
        Document[] docs = new Document[documents];
        for (int i = 0; i < documents; i++) {
            docs[i] = corpus.document(from + i);
        }
        StackProcesses processes = StackProcesses.of(home.resolve("pids"))
                .withPostmaster(home.resolve("postgres").resolve("data"));
        cli.out().printf("Sending them from %d clients to %s%s; following them in %s%n", clients,
                String.join(", ", ingestUrls), rate > 0 ? String.format(Locale.ROOT, " at %.0f/s", rate) : "",
                jdbcUrl);

        Run run = new Run(docs, ingestUrls, jdbcUrl);
        Instant startedAt = Instant.now();
        double loadBefore = StackProcesses.loadAverage();
        Map<String, Long> cpuBefore = processes.cpuMillis();
        Map<String, Long> jitBefore = processes.compilerMillis();
        long machineBefore = StackProcesses.machineBusyMillis(processes.ticks());
        long ownBefore = ownCpuMillis();
        long[] walBefore = acceptOnly ? new long[0] : walSoFar(jdbcUrl);
        boolean complete = run.execute();
        long[] walAfter = acceptOnly ? new long[0] : walSoFar(jdbcUrl);
        Map<String, Long> cpuAfter = processes.cpuMillis();
        Map<String, Long> jitAfter = processes.compilerMillis();
        long machineAfter = StackProcesses.machineBusyMillis(processes.ticks());
        long ownAfter = ownCpuMillis();
        double loadAfter = StackProcesses.loadAverage();

        Map<String, Object> floor = new LinkedHashMap<>();
        if (!noFloor && run.accepted.get() > 0) {
            cli.out().println("Measuring the floor: the same received events through a bare Kafka producer and "
                    + "consumer on " + bootstrap + " ...");
            Map<String, Long> brokerBefore = processes.cpuMillis();
            KafkaFloor.Result f = KafkaFloor.measure(bootstrap, documents, i -> run.ids[i] != null ? run.ids[i]
                    : DocumentIds.of(docs[i].content()), i -> EventJson.write(receivedEvent(docs[i])),
                    floorCompression);
            Map<String, Long> brokerAfter = processes.cpuMillis();
            floor.put("records", f.records());
            floor.put("megabytes", round(f.bytes() / 1e6));
            floor.put("seconds", round(f.seconds()));
            floor.put("recordsPerSecond", round(f.recordsPerSecond()));
            floor.put("megabytesPerSecond", round(f.megabytesPerSecond()));
            floor.put("compression", floorCompression);
            floor.put("clientCpuMsPerRecord", round((double) f.cpuMillis() / f.records()));
            if (brokerAfter.containsKey("kafka")) {
                floor.put("brokerCpuMsPerRecord", round((double) (brokerAfter.get("kafka")
                        - brokerBefore.get("kafka")) / f.records()));
            }
        }

        Result result = run.result(startedAt, loadBefore, loadAfter, cpuBefore, cpuAfter,
                machineAfter - machineBefore, ownAfter - ownBefore, floor,
                walPerDocument(walBefore, walAfter, run.validated.get() + run.rejected.get()));
        addCompilers(result.cpu(), jitBefore, jitAfter);
        print(result);
        if (json != null) {
            try {
                Files.write(json, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(result));
            } catch (IOException e) {
                throw new CliException("cannot write the results to " + json + ": " + e);
            }
            cli.out().println("Results written to " + json);
        }
        return complete ? Cli.EXIT_OK : Cli.EXIT_FINDINGS;
    }

    /**
     * Whether the results can be written to {@code file} once the run is over: its folder exists and is writable, and
     * the file, if it exists, is a writable regular file. Nothing is created here.
     */
    static void checkWritable(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new CliException("cannot write the results to " + file + ": the folder " + folder
                    + " does not exist");
        }
        if (Files.exists(absolute) && (!Files.isRegularFile(absolute) || !Files.isWritable(absolute))) {
            throw new CliException("cannot write the results to " + file + ": it exists and is not a writable file");
        }
        if (!Files.exists(absolute) && !Files.isWritable(folder)) {
            throw new CliException("cannot write the results to " + file + ": the folder " + folder
                    + " is not writable");
        }
    }

    /** How many disclosures the database holds: where the generated variants continue from. */
    private static int storedDisclosures(String jdbcUrl) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, System.getProperty("budgetlens.jdbc.user",
                "budgetlens"), System.getProperty("budgetlens.jdbc.password", ""));
             ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM disclosure")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new CliException("cannot reach the reporting database at " + jdbcUrl + " (" + e.getMessage()
                    + ") to count the stored disclosures; is the stack up? Try ./budgetlens status, or give --first");
        }
    }

    /**
     * PostgreSQL's write-ahead log so far (pg_stat_wal, PostgreSQL 14+): bytes, records and full-page images; empty
     * when the server does not say (older, or not allowed).
     */
    static long[] walSoFar(String jdbcUrl) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, System.getProperty("budgetlens.jdbc.user",
                "budgetlens"), System.getProperty("budgetlens.jdbc.password", ""));
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT wal_bytes::bigint, wal_records, wal_fpi FROM pg_stat_wal")) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)} : new long[0];
        } catch (SQLException e) {
            return new long[0];
        }
    }

    /**
     * The WAL a run wrote per finished document: what PostgreSQL's writes cost beyond its CPU (and what sizes
     * {@code max_wal_size}); a full-page image is the whole 8 kB page logged at its first change after a checkpoint.
     */
    static Map<String, Object> walPerDocument(long[] before, long[] after, int documents) {
        Map<String, Object> wal = new LinkedHashMap<>();
        if (before.length < 3 || after.length < 3 || documents <= 0) {
            return wal;
        }
        wal.put("bytes", after[0] - before[0]);
        wal.put("kilobytesPerDocument", round((after[0] - before[0]) / 1024.0 / documents));
        wal.put("recordsPerDocument", round((double) (after[1] - before[1]) / documents));
        wal.put("fullPageImagesPerDocument", round((double) (after[2] - before[2]) / documents));
        return wal;
    }

    /** The received event ingest writes for a document (its timestamps aside): the floor's record. */
    private static DisclosureReceived receivedEvent(Document d) {
        String id = DocumentIds.of(d.content());
        return new DisclosureReceived(id, d.contentType().replaceFirst(";.*", ""), "UTF-8", null, d.filename(),
                d.content().length, id, Instant.now(), Visibility.PUBLIC, d.content());
    }

    /** How many POSTs were refused with one status, and the first one's message (what a user reads to see why). */
    record Refusal(String first, AtomicInteger count) {
        Refusal(String first) {
            this(first, new AtomicInteger());
        }
    }

    private static final java.util.regex.Pattern REFUSED_STATUS = java.util.regex.Pattern.compile(
            "was refused \\((\\d{3})\\)");

    /** The HTTP status in a refusal's message ("… was refused (429): …"), or "other" (no answer, a bad reply). */
    static String refusalStatus(String message) {
        var m = REFUSED_STATUS.matcher(String.valueOf(message));
        return m.find() ? "HTTP " + m.group(1) : "other";
    }

    private static String shortened(String message) {
        String m = String.valueOf(message);
        return m.length() <= 300 ? m : m.substring(0, 300) + "…";
    }

    /** One benchmark run: the clients, the follower, and what they measured. */
    private final class Run {

        final Document[] docs;
        final List<String> ingestUrls;
        final String jdbcUrl;
        final String[] ids;
        final long[] postedAt;      // wall-clock ms when the POST started
        final long[] acceptedAt;    // wall-clock ms of the 202
        final long[] finishedAt;    // wall-clock ms the row was stored VALIDATED / REJECTED
        final long[] receivedAt;    // the row's received_at, parsed_at, validated_at (0: none): where the time went
        final long[] parsedAt;
        final long[] validatedAt;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        /** Refusals by HTTP status ("429", …; "other" without one), with the first one's message. */
        final Map<String, Refusal> refusals = new java.util.concurrent.ConcurrentSkipListMap<>();
        final AtomicInteger validated = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicLong lastAccepted = new AtomicLong();
        final ConcurrentLinkedQueue<Integer> toFollow = new ConcurrentLinkedQueue<>();
        volatile String failure;
        long start;
        long lastFinished;

        Run(Document[] docs, List<String> ingestUrls, String jdbcUrl) {
            this.docs = docs;
            this.ingestUrls = ingestUrls;
            this.jdbcUrl = jdbcUrl;
            int n = docs.length;
            ids = new String[n];
            postedAt = new long[n];
            acceptedAt = new long[n];
            finishedAt = new long[n];
            receivedAt = new long[n];
            parsedAt = new long[n];
            validatedAt = new long[n];
        }

        /** Sends everything and follows it; answers whether every accepted document finished in time. */
        boolean execute() throws Exception {
            if (acceptOnly) {
                return sendOnly();
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try (StackClient client = cli.client(); Connection db = connect()) {
                startClients(pool, client);
                return follow(db, pool);
            } finally {
                pool.shutdownNow();
            }
        }

        /** Starts the clock and the C clients sending; the pool takes no more work. */
        private void startClients(ExecutorService pool, StackClient client) {
            start = System.currentTimeMillis();
            for (int c = 0; c < clients; c++) {
                StackClient caller = caller(client, c);
                pool.submit(() -> send(caller));
            }
            pool.shutdown();
        }

        /**
         * Client {@code c}'s connection to the stack: with a token of its own ({@code bench-client-<c>}, a submitter),
         * signed with the local stack's key, since ingest limits each caller's rate (1,000 requests/s by default) and
         * one token for all clients measured that limit instead of the front door; the launcher's client when a token
         * was given ({@code budgetlens.token}: a stack elsewhere, whose key the launcher does not hold).
         */
        private StackClient caller(StackClient client, int c) {
            String given = System.getProperty("budgetlens.token");
            if (given != null && !given.isBlank()) {
                return client;
            }
            return client.as(cli.keys().token("bench-client-" + (c + 1), List.of("submitter"), Duration.ofHours(12)));
        }

        /** {@code --accept-only}: sends everything, printing progress, and stops when the last answer came. */
        private boolean sendOnly() throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try (StackClient client = cli.client()) {
                startClients(pool, client);
                while (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                    cli.out().printf(Locale.ROOT, "%7.1f s  sent %d/%d  accepted %d  refused %d%n",
                            (System.currentTimeMillis() - start) / 1000.0, Math.min(next.get(), docs.length),
                            docs.length, accepted.get(), refused.get());
                }
                if (failure != null) {
                    throw new CliException(failure);
                }
                return refused.get() == 0;
            } finally {
                pool.shutdownNow();
            }
        }

        private void send(StackClient client) {
            int i;
            while ((i = next.getAndIncrement()) < docs.length && failure == null) {
                if (rate > 0) {
                    long due = start + (long) (i * 1000 / rate);
                    long wait = due - System.currentTimeMillis();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                Document d = docs[i];
                postedAt[i] = System.currentTimeMillis();
                try {
                    StackClient.Accepted answer = client.submit(ingestUrls.get(i % ingestUrls.size()), d.content(),
                            d.contentType(), d.filename());
                    acceptedAt[i] = System.currentTimeMillis();
                    if (answer.duplicate()) { // seen before (give --first): nothing new to measure
                        duplicates.incrementAndGet();
                        continue;
                    }
                    ids[i] = answer.documentId();
                    accepted.incrementAndGet();
                    lastAccepted.accumulateAndGet(acceptedAt[i], Math::max);
                    toFollow.add(i);
                } catch (CliException e) {
                    if (e.getMessage().startsWith("cannot reach")) {
                        failure = e.getMessage();
                    }
                    refused.incrementAndGet();
                    refusals.computeIfAbsent(refusalStatus(e.getMessage()), k -> new Refusal(shortened(e.getMessage())))
                            .count().incrementAndGet();
                }
            }
        }

        /** Polls the database for the rows of accepted documents until all are final, printing progress. */
        private boolean follow(Connection db, ExecutorService senders) throws SQLException, InterruptedException {
            List<Integer> pending = new ArrayList<>();
            long lastProgress = System.currentTimeMillis();
            long lastPrint = 0;
            int lastDone = 0;
            try (PreparedStatement query = db.prepareStatement("""
                    SELECT document_id, status, (extract(epoch FROM updated_at) * 1000)::bigint,
                           (extract(epoch FROM received_at) * 1000)::bigint, (extract(epoch FROM parsed_at) * 1000)::bigint,
                           (extract(epoch FROM validated_at) * 1000)::bigint
                    FROM disclosure WHERE document_id = ANY(?::bpchar[]) AND status IN ('VALIDATED', 'REJECTED')""")) {
                while (true) {
                    for (Integer i; (i = toFollow.poll()) != null; ) {
                        pending.add(i);
                    }
                    long now = System.currentTimeMillis();
                    if (!pending.isEmpty()) {
                        List<Integer> batch = pending.subList(0, Math.min(POLL_BATCH, pending.size()));
                        Map<String, Integer> byId = new LinkedHashMap<>();
                        batch.forEach(i -> byId.put(ids[i], i));
                        Array array = db.createArrayOf("text", byId.keySet().toArray());
                        query.setArray(1, array);
                        try (ResultSet rs = query.executeQuery()) {
                            while (rs.next()) {
                                int i = byId.remove(rs.getString(1).trim());
                                // the row's last update, or when it was seen if that is earlier (another clock)
                                finishedAt[i] = Math.min(rs.getLong(3), now);
                                lastFinished = Math.max(lastFinished, finishedAt[i]);
                                receivedAt[i] = rs.getLong(4); // 0 when NULL
                                parsedAt[i] = rs.getLong(5);
                                validatedAt[i] = rs.getLong(6);
                                ("VALIDATED".equals(rs.getString(2)) ? validated : rejected).incrementAndGet();
                            }
                        }
                        array.free();
                        batch.clear(); // the unfinished ones go to the back: the next poll looks at the next ones
                        pending.addAll(byId.values());
                    }
                    int done = validated.get() + rejected.get();
                    if (done > lastDone) {
                        lastProgress = now;
                        lastDone = done;
                    }
                    boolean sending = !senders.isTerminated();
                    if (now - lastPrint >= 2000 || (!sending && pending.isEmpty())) {
                        double s = (now - start) / 1000.0;
                        cli.out().printf(Locale.ROOT, "%7.1f s  sent %d/%d  accepted %d  refused %d  validated %d"
                                        + "  rejected %d  in flight %d  (%.0f done/s)%n", s, next.get() > docs.length
                                        ? docs.length : next.get(), docs.length, accepted.get(), refused.get(),
                                validated.get(), rejected.get(), pending.size(), done / Math.max(s, 0.001));
                        lastPrint = now;
                    }
                    if (failure != null) {
                        throw new CliException(failure);
                    }
                    if (!sending && pending.isEmpty() && toFollow.isEmpty()) {
                        return true;
                    }
                    if (now - lastProgress > cli.timeout().toMillis()) {
                        cli.err().printf("gave up: no document finished for %d s, %d still in flight%n",
                                cli.timeout().toSeconds(), pending.size());
                        return false;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            }
        }

        private Connection connect() {
            try {
                return DriverManager.getConnection(jdbcUrl, System.getProperty("budgetlens.jdbc.user", "budgetlens"),
                        System.getProperty("budgetlens.jdbc.password", ""));
            } catch (SQLException e) {
                throw new CliException("cannot reach the reporting database at " + jdbcUrl + " (" + e.getMessage()
                        + "); is the stack up? Try ./budgetlens status");
            }
        }

        Result result(Instant startedAt, double loadBefore, double loadAfter, Map<String, Long> cpuBefore,
                      Map<String, Long> cpuAfter, long machineBusy, long ownCpu, Map<String, Object> floor,
                      Map<String, Object> wal) {
            int n = accepted.get();
            int finished = validated.get() + rejected.get();
            int perDocument = acceptOnly ? n : finished; // what CPU per document divides by
            double acceptSeconds = (lastAccepted.get() - start) / 1000.0;
            double endToEndSeconds = finished == 0 ? 0 : (lastFinished - start) / 1000.0;
            long[] post = new long[n];
            long[] e2e = new long[finished];
            int p = 0;
            int q = 0;
            for (int i = 0; i < docs.length; i++) {
                if (ids[i] != null) {
                    post[p++] = acceptedAt[i] - postedAt[i];
                    if (finishedAt[i] > 0) {
                        e2e[q++] = finishedAt[i] - postedAt[i];
                    }
                }
            }
            Arrays.sort(post);
            Arrays.sort(e2e);
            double wallSeconds = endToEndSeconds > 0 ? endToEndSeconds : acceptSeconds;

            Map<String, Object> machine = new LinkedHashMap<>();
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            machine.put("loadAverageBefore", loadBefore);
            machine.put("loadAverageAfter", loadAfter);

            Map<String, Object> runInfo = new LinkedHashMap<>();
            runInfo.put("documents", docs.length);
            runInfo.put("firstVariant", docs.length == 0 ? null : docs[0].index());
            runInfo.put("clients", clients);
            runInfo.put("warmUpDocuments", warmUp);
            runInfo.put("acceptOnly", acceptOnly);
            runInfo.put("rateLimit", rate > 0 ? rate : null);
            runInfo.put("ingestInstances", ingestUrls.size());
            runInfo.put("meanDocumentBytes", Arrays.stream(docs).mapToLong(d -> d.content().length).sum()
                    / docs.length);

            Map<String, Object> throughput = new LinkedHashMap<>();
            throughput.put("accepted", n);
            throughput.put("refused", refused.get());
            Map<String, Object> reasons = new LinkedHashMap<>();
            refusals.forEach((status, refusal) -> reasons.put(status, Map.of("count", refusal.count().get(),
                    "first", refusal.first())));
            throughput.put("refusals", reasons);
            throughput.put("duplicates", duplicates.get());
            throughput.put("validated", validated.get());
            throughput.put("rejected", rejected.get());
            throughput.put("acceptSeconds", round(acceptSeconds));
            throughput.put("acceptsPerSecond", round(n / Math.max(acceptSeconds, 0.001)));
            throughput.put("endToEndSeconds", round(endToEndSeconds));
            throughput.put("endToEndPerSecond", round(finished / Math.max(endToEndSeconds, 0.001)));

            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("postP50", percentile(post, 50));
            latency.put("postP99", percentile(post, 99));
            latency.put("endToEndP50", percentile(e2e, 50));
            latency.put("endToEndP95", percentile(e2e, 95));
            latency.put("endToEndP99", percentile(e2e, 99));
            latency.put("endToEndMax", e2e.length == 0 ? null : e2e[e2e.length - 1]);
            if (!acceptOnly) {
                latency.put("stages", stages(postedAt, receivedAt, parsedAt, validatedAt, finishedAt));
            }

            Map<String, Map<String, Object>> cpu = new LinkedHashMap<>();
            long stack = 0;
            for (var e : cpuAfter.entrySet()) {
                long used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
                stack += used;
                cpu.put(e.getKey(), cpuRow(used, perDocument, wallSeconds));
            }
            cpu.put("bench client", cpuRow(ownCpu, perDocument, wallSeconds));
            if (machineBusy >= 0) {
                cpu.put("rest of the machine", cpuRow(Math.max(0, machineBusy - stack - ownCpu), perDocument,
                        wallSeconds));
            }
            return new Result(startedAt, machine, runInfo, throughput, latency, cpu, floor, wal);
        }

        private static Map<String, Object> cpuRow(long millis, int documents, double seconds) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cpuMs", millis);
            row.put("cpuMsPerDocument", documents == 0 ? null : round((double) millis / documents));
            row.put("cores", seconds <= 0 ? null : round(millis / 1000.0 / seconds));
            return row;
        }
    }

    private void print(Result r) {
        var out = cli.out();
        out.println();
        var t = r.throughput();
        var l = r.latencyMillis();
        out.printf(Locale.ROOT, "accepted      %s of %s (%s refused, %s duplicates) in %s s: %s accepts/s%n",
                t.get("accepted"), r.run().get("documents"), t.get("refused"), t.get("duplicates"),
                t.get("acceptSeconds"), t.get("acceptsPerSecond"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> reasons = (Map<String, Map<String, Object>>) t.get("refusals");
        if (reasons != null) {
            reasons.forEach((status, refusal) -> out.printf(Locale.ROOT, "refused       %s × %s, the first: %s%n",
                    refusal.get("count"), status, refusal.get("first")));
        }
        if (acceptOnly) {
            out.println("end to end    not followed (--accept-only); CPU per document is per accepted document");
            out.printf(Locale.ROOT, "POST          p50 %s ms  p99 %s ms%n", l.get("postP50"), l.get("postP99"));
        } else {
            out.printf(Locale.ROOT, "end to end    %s VALIDATED, %s REJECTED after %s s: %s documents/s%n",
                    t.get("validated"), t.get("rejected"), t.get("endToEndSeconds"), t.get("endToEndPerSecond"));
            out.printf(Locale.ROOT, "POST          p50 %s ms  p99 %s ms%n", l.get("postP50"), l.get("postP99"));
            out.printf(Locale.ROOT, "POST→stored   p50 %s ms  p95 %s ms  p99 %s ms  max %s ms%n",
                    l.get("endToEndP50"), l.get("endToEndP95"), l.get("endToEndP99"), l.get("endToEndMax"));
        }
        if (l.get("stages") instanceof Map<?, ?> stages && !stages.isEmpty()) {
            StringBuilder line = new StringBuilder("stages p50/p95/p99 ms ");
            stages.forEach((name, q) -> {
                Map<?, ?> v = (Map<?, ?>) q;
                line.append(String.format(Locale.ROOT, "  %s %s/%s/%s", name, v.get("p50"), v.get("p95"), v.get("p99")));
            });
            out.println(line);
            out.println("(from each row's event times: POST → received_at (ingest's 202) → parsed_at (parse done) → "
                    + "validated_at (rules done) → stored (reporting's row final); queueing on a topic counts in the "
                    + "stage after it)");
        }
        out.printf(Locale.ROOT, "load average  %s before, %s after (%s cores)%n", r.machine().get("loadAverageBefore"),
                r.machine().get("loadAverageAfter"), r.machine().get("cores"));
        out.println();
        out.printf("%-22s %10s %12s %8s %8s%n", "CPU", "ms", "ms/document", "cores", "JIT");
        r.cpu().forEach((name, row) -> out.printf(Locale.ROOT, "%-22s %10s %12s %8s %8s%n", name, row.get("cpuMs"),
                row.get("cpuMsPerDocument"), row.get("cores"), row.get("jitShare") instanceof Double share
                        ? String.format(Locale.ROOT, "%.0f %%", share * 100) : ""));
        if (r.cpu().values().stream().anyMatch(row -> row.containsKey("jitShare"))) {
            out.println("(JIT: the share of a service's CPU its C1/C2 compiler threads took; a fresh JVM compiles for "
                    + "its first few thousand documents, --warm-up runs them before measuring)");
        }
        if (!r.postgresWal().isEmpty()) {
            var w = r.postgresWal();
            out.printf(Locale.ROOT, "PostgreSQL WAL  %s kB per document (%s records, %s full-page images)%n",
                    w.get("kilobytesPerDocument"), w.get("recordsPerDocument"), w.get("fullPageImagesPerDocument"));
        }
        if (!r.floor().isEmpty()) {
            var f = r.floor();
            out.println();
            out.printf(Locale.ROOT, "floor         %s records (%s MB, %s) produced and consumed in %s s: %s records/s,"
                            + " %s MB/s; CPU ms/record: client %s, broker %s%n", f.get("records"), f.get("megabytes"),
                    f.get("compression"), f.get("seconds"), f.get("recordsPerSecond"), f.get("megabytesPerSecond"),
                    f.get("clientCpuMsPerRecord"), f.getOrDefault("brokerCpuMsPerRecord", "-"));
        }
    }

    /**
     * Where the time from POST to the final row went, per stage, from each finished document's event times (all on
     * the stack's clocks): {@code accept} POST → received_at, {@code parse} → parsed_at, {@code validate} →
     * validated_at, {@code store} → the final row. A stage a document did not go through (no validation after a
     * rejected parse: its store stage then starts at parsed_at) or whose times are missing is left out for it.
     * Each stage's p50, p95 and p99 in milliseconds, in pipeline order.
     */
    static Map<String, Map<String, Long>> stages(long[] posted, long[] received, long[] parsed, long[] validated,
                                                 long[] stored) {
        String[] names = {"accept", "parse", "validate", "store"};
        long[][] durations = new long[names.length][posted.length];
        int[] counts = new int[names.length];
        for (int i = 0; i < posted.length; i++) {
            if (stored[i] <= 0) {
                continue;
            }
            long[] times = {posted[i], received[i], parsed[i], validated[i], stored[i]};
            int from = 0; // the last time known before each stage's end
            for (int s = 0; s < names.length; s++) {
                if (times[s + 1] <= 0) {
                    continue; // not gone through (or not recorded): the next stage starts where this one would have
                }
                if (times[from] > 0) {
                    durations[s][counts[s]++] = Math.max(0, times[s + 1] - times[from]);
                }
                from = s + 1;
            }
        }
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (int s = 0; s < names.length; s++) {
            if (counts[s] == 0) {
                continue;
            }
            long[] sorted = Arrays.copyOf(durations[s], counts[s]);
            Arrays.sort(sorted);
            Map<String, Long> q = new LinkedHashMap<>();
            q.put("p50", percentile(sorted, 50));
            q.put("p95", percentile(sorted, 95));
            q.put("p99", percentile(sorted, 99));
            result.put(names[s], q);
        }
        return result;
    }

    static Long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /**
     * Adds to each Java component's row the share of its CPU its JIT compiler threads took during the run
     * ({@code jitMs}, {@code jitShare}): a young JVM spends much of its CPU compiling, an old one little.
     */
    static void addCompilers(Map<String, Map<String, Object>> cpu, Map<String, Long> before,
                             Map<String, Long> after) {
        after.forEach((name, millis) -> {
            Map<String, Object> row = cpu.get(name);
            if (row != null && before.containsKey(name) && row.get("cpuMs") instanceof Long used) {
                long jit = Math.max(0, millis - before.get(name));
                row.put("jitMs", jit);
                row.put("jitShare", used <= 0 ? null : round(Math.min(1.0, (double) jit / used)));
            }
        });
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static long ownCpuMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return 0;
    }
}
