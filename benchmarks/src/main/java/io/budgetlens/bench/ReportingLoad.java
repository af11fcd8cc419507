package io.budgetlens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.budgetlens.events.EventJson;
import io.budgetlens.testsupport.ServiceProcess;
import io.budgetlens.testsupport.SharedKafkaBroker;
import io.budgetlens.testsupport.SharedPostgres;

/**
 * Load generator for the reporting API with a large store: starts a real broker and PostgreSQL, runs the packaged
 * reporting-service (its Flyway migrations create the schema), generates N disclosures with SQL (every row carries
 * the Banan budget's parsed content: text, facts, tables, summary, sections; 30 % of rows have two findings), then
 * sends requests one at a time from one client and reports p50, p99 and max latency per endpoint. The rows V6 keeps
 * per department are filled as in production: the trigger on {@code disclosure} marks every department the INSERT
 * writes, and the first {@code groupBy=department} request (a warm-up one) recomputes them all.
 * <p>
 * Run: {@code mvn -Pbench-reporting -DskipTests -pl benchmarks -am verify} (-Drows=100000 -Drequests=300).
 */
public final class ReportingLoad {

    private ReportingLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 100_000);
        int requests = Integer.getInteger("requests", 300);
        long free = Files.getFileStore(Path.of(".").toAbsolutePath()).getUsableSpace();
        long needed = 10L * 1024 * 1024 * 1024 * rows / 100_000; // 10 GiB per 100,000 rows: a safe margin
        if (free < needed) {
            System.err.printf("Not enough free disk: %.1f GiB free, %.1f GiB wanted for %d rows. Nothing was started.%n",
                    free / 1e9, needed / 1e9, rows);
            System.exit(2);
        }
        System.out.printf("Free disk %.1f GiB. Starting Kafka and PostgreSQL…%n", free / 1e9);
        String kafka = SharedKafkaBroker.bootstrapServers();
        String jdbc = SharedPostgres.jdbcUrl();
        try (ServiceProcess reporting = new ServiceProcess("reporting-service", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbc,
                "QUARKUS_DATASOURCE_USERNAME", SharedPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_LOG_CATEGORY__IO_BUDGETLENS__LEVEL", "WARN")).heap("512m").start()) {
            reporting.awaitReady(Duration.ofSeconds(120));
            System.out.printf("reporting-service ready on %s. Generating %,d disclosures…%n", reporting.url(), rows);
            long t0 = System.nanoTime();
            generate(jdbc, rows);
            System.out.printf("Generated in %.1f s; table size %s%n", (System.nanoTime() - t0) / 1e9, size(jdbc));

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Random random = new Random(42);
            Map<String, IntFunction<String>> scenarios = new LinkedHashMap<>();
            scenarios.put("list: first page, newest first (size 50)", i -> "/api/v1/disclosures");
            scenarios.put("list: region+year+kind, sort -errors",
                    i -> "/api/v1/disclosures?region=" + enc("区" + random.nextInt(40)) + "&year="
                            + (2015 + random.nextInt(10)) + "&kind=budget&sort=-errors");
            scenarios.put("list: page 100 of hasErrors=true",
                    i -> "/api/v1/disclosures?hasErrors=true&page=100&size=50");
            scenarios.put("detail: random document (73 KB content)",
                    i -> "/api/v1/disclosures/" + id(publicRow(1 + random.nextInt(rows))));
            scenarios.put("summaries: groupBy=region, year=2020",
                    i -> "/api/v1/summaries?groupBy=region&year=2020");
            scenarios.put("summaries: groupBy=department, sort -errors",
                    i -> "/api/v1/summaries?groupBy=department&sort=-errors&size=20");
            scenarios.put("summaries: groupBy=year, one department",
                    i -> "/api/v1/summaries?groupBy=year&department=" + enc("name:区" + random.nextInt(40) + "部门"
                            + random.nextInt(250)));
            scenarios.put("findings: severity=error, region",
                    i -> "/api/v1/findings?severity=error&region=" + enc("区" + random.nextInt(40)));

            StringBuilder report = new StringBuilder();
            report.append(String.format("| endpoint | requests | p50 ms | p99 ms | max ms |%n|---|---:|---:|---:|---:|%n"));
            for (var scenario : scenarios.entrySet()) {
                int warmup = Math.max(20, requests / 10);
                System.out.printf("  %s…%n", scenario.getKey());
                for (int i = 0; i < warmup; i++) {
                    call(client, reporting.url() + scenario.getValue().apply(i));
                }
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    String url = reporting.url() + scenario.getValue().apply(i);
                    long start = System.nanoTime();
                    call(client, url);
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                String line = String.format("| %s | %d | %.1f | %.1f | %.1f |%n", scenario.getKey(), requests,
                        nanos[requests / 2] / 1e6, nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6,
                        nanos[requests - 1] / 1e6);
                System.out.print(line);
                report.append(line);
            }
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "reporting-load.md"), report.toString());
            System.out.println("Written to target/reporting-load.md");
        } finally {
            SharedPostgres.stop();
        }
        System.exit(0);
    }

    private static void call(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    /** Row g, or the one before it when g is a draft (every 50th): an anonymous client may not read drafts. */
    private static int publicRow(int g) {
        return g % 50 == 0 ? g - 1 : g;
    }

    static String id(int g) {
        return io.budgetlens.events.DocumentIds.of(("bench-" + g).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String size(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, SharedPostgres.USER, "");
             var rs = c.createStatement().executeQuery(
                     "SELECT pg_size_pretty(pg_total_relation_size('disclosure')), "
                             + "pg_size_pretty(pg_total_relation_size('finding'))")) {
            rs.next();
            return "disclosure " + rs.getString(1) + ", finding " + rs.getString(2);
        }
    }

    /** Rows in batches of 10,000 so progress shows; the content is the Banan budget's parsed event. */
    private static void generate(String jdbc, int rows) throws Exception {
        JsonNode parsed;
        try (InputStream in = ReportingLoad.class.getResourceAsStream("/corpus/banan-2024-budget.md.parsed.json")) {
            parsed = EventJson.mapper().readTree(in);
        }
        try (Connection c = DriverManager.getConnection(jdbc, SharedPostgres.USER, "")) {
            int batch = 10_000;
            for (int from = 1; from <= rows; from += batch) {
                int to = Math.min(rows, from + batch - 1);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO disclosure (document_id, status, visibility, content_type, filename, size_bytes,
                            received_at, kind, scope, fiscal_year, title, department, province, district, region,
                            department_key, name_key, latest, parser_version, ruleset_version, parsed_at, validated_at,
                            error_count, warning_count, info_count, completeness, text, sections, facts, tables, summary,
                            expenditure_total, income_total, three_public_total, three_public_overseas,
                            three_public_reception, three_public_vehicle, operating_expenses, updated_at)
                        SELECT encode(sha256(convert_to('bench-' || g, 'UTF8')), 'hex'), 'VALIDATED',
                               CASE WHEN g % 50 = 0 THEN 'DRAFT' ELSE 'PUBLIC' END, 'text/plain', 'doc-' || g || '.txt',
                               60000, now() - make_interval(mins => g),
                               CASE WHEN g % 2 = 0 THEN 'BUDGET' ELSE 'FINAL_ACCOUNT' END,
                               CASE WHEN g % 7 = 0 THEN 'UNIT' ELSE 'DEPARTMENT' END,
                               2015 + (g / 2) % 10,
                               '区' || (g % 40) || '部门' || ((g / 400) % 250) || '预算说明',
                               '区' || (g % 40) || '部门' || ((g / 400) % 250), '重庆市', '区' || (g % 40),
                               '区' || (g % 40),
                               'name:区' || (g % 40) || '部门' || ((g / 400) % 250),
                               'name:区' || (g % 40) || '部门' || ((g / 400) % 250),
                               true, '0.3.0', '0.2.0', now(), now(),
                               CASE WHEN g % 10 = 0 THEN 2 ELSE 0 END, CASE WHEN g % 10 IN (1, 2) THEN 2 ELSE 0 END,
                               g % 3, 0.5 + (g % 50) / 100.0,
                               ?, CAST(? AS json), CAST(? AS jsonb), CAST(? AS json), CAST(? AS json),
                               1000 + (g % 9000) + (g % 100) / 100.0, 1000 + (g % 9000) + (g % 100) / 100.0,
                               (g % 1000) / 100.0, 0, (g % 500) / 100.0, (g % 500) / 100.0, 100 + (g % 200) / 100.0,
                               now()
                        FROM generate_series(?, ?) AS g""")) {
                    insert.setString(1, parsed.get("text").asText());
                    insert.setString(2, parsed.get("sections").toString());
                    insert.setString(3, parsed.get("facts").toString());
                    insert.setString(4, parsed.get("tables").toString());
                    insert.setString(5, parsed.get("summary").toString());
                    insert.setInt(6, from);
                    insert.setInt(7, to);
                    insert.executeUpdate();
                }
                try (PreparedStatement findings = c.prepareStatement("""
                        INSERT INTO finding (document_id, source, idx, rule_id, severity, category, message_zh,
                            message_en, expected, actual, excess, unit, evidence)
                        SELECT encode(sha256(convert_to('bench-' || g, 'UTF8')), 'hex'), 'VALIDATION', i,
                               CASE WHEN g % 10 = 0 THEN 'CHG-001' ELSE 'DUP-001' END,
                               CASE WHEN g % 10 = 0 THEN 'ERROR' ELSE 'WARNING' END,
                               CASE WHEN g % 10 = 0 THEN 'CHANGE' ELSE 'DUPLICATE' END,
                               '卫生健康支出68.85万元,较上年减少1.65万元,下降0.57%;按金额计算应为2.34%。',
                               'Health expenditure 68.85, down 1.65: 0.57% stated, 2.34% computed.',
                               '{"value":"2.34","low":"2.33","high":"2.35"}', 0.57, 1.76, '%',
                               '[{"quote":"(4)卫生健康支出68.85万元,较上年减少1.65万元,下降0.57%","start":100,"end":140}]'
                        FROM generate_series(?, ?) AS g, generate_series(0, 1) AS i
                        WHERE g % 10 IN (0, 1, 2)""")) {
                    findings.setInt(1, from);
                    findings.setInt(2, to);
                    findings.executeUpdate();
                }
                System.out.printf("  %,d / %,d%n", to, rows);
            }
            // the steady state autovacuum keeps a live database in: statistics and the visibility map
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM ANALYZE disclosure");
            c.createStatement().execute("VACUUM ANALYZE finding");
        }
    }
}
