package io.budgetlens.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.budgetlens.events.EventJson;

/**
 * The client half of the {@code ./budgetlens} launcher: ingests files through ingest-service, follows them through
 * the pipeline via reporting-service, and prints tables and findings. Needs only Java (no curl, no jq).
 *
 * <p>Usage: {@code Cli ingest [--draft] FILE|DIR...}, {@code Cli check [--json] FILE}, {@code Cli table}.
 * URLs come from the system properties {@code budgetlens.ingest.url} and {@code budgetlens.reporting.url}.
 */
public final class Cli {

    static final int EXIT_OK = 0;
    static final int EXIT_FINDINGS = 1;
    static final int EXIT_USAGE = 2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String reportingUrl;
    private final Duration timeout;
    private final PrintStream out;

    Cli(String ingestUrl, String reportingUrl, Duration timeout, PrintStream out) {
        this.ingestUrl = ingestUrl;
        this.reportingUrl = reportingUrl;
        this.timeout = timeout;
        this.out = out;
    }

    public static void main(String[] args) {
        Cli cli = new Cli(System.getProperty("budgetlens.ingest.url", "http://localhost:8081"),
                System.getProperty("budgetlens.reporting.url", "http://localhost:8080"),
                Duration.ofSeconds(Long.getLong("budgetlens.wait.seconds", 300)), System.out);
        System.exit(cli.run(List.of(args)));
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            System.err.println("usage: ingest [--draft] FILE|DIR... | check [--json] FILE | table");
            return EXIT_USAGE;
        }
        try {
            List<String> rest = args.subList(1, args.size());
            return switch (args.get(0)) {
                case "ingest" -> ingest(rest);
                case "check" -> check(rest);
                case "table" -> table();
                default -> {
                    System.err.println("Unknown command '" + args.get(0) + "'");
                    yield EXIT_USAGE;
                }
            };
        } catch (CliException e) {
            System.err.println("budgetlens: " + e.getMessage());
            return EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_USAGE;
        }
    }

    /** Posts every file, then waits until each has reached VALIDATED or REJECTED, printing progress. */
    int ingest(List<String> args) throws InterruptedException {
        boolean draft = args.contains("--draft");
        List<Path> files = files(args.stream().filter(a -> !a.startsWith("--")).toList());
        if (files.isEmpty()) {
            throw new CliException("ingest needs at least one file or directory");
        }
        Map<String, String> ids = new LinkedHashMap<>();
        int i = 0;
        for (Path file : files) {
            i++;
            JsonNode answer = post(file, draft);
            String id = answer.path("documentId").asText();
            ids.put(id, file.getFileName().toString());
            out.printf("[%d/%d] %s -> %s %s%n", i, files.size(), file, shortId(id),
                    answer.path("duplicate").asBoolean() ? "(already received)" : "RECEIVED");
        }
        Map<String, JsonNode> finished = awaitAll(ids, out);
        out.println();
        printTable(ids, finished);
        return EXIT_OK;
    }

    /** Ingests one file as a draft, waits for its report, prints the findings; 1 when there is an ERROR finding. */
    int check(List<String> args) throws InterruptedException {
        boolean json = args.contains("--json");
        List<String> names = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (names.size() != 1) {
            throw new CliException("check needs exactly one file");
        }
        Path file = Path.of(names.get(0));
        if (!Files.isRegularFile(file)) {
            throw new CliException("No such file: " + file);
        }
        String id = post(file, true).path("documentId").asText();
        if (!json) {
            out.println("Checking " + file + " (" + shortId(id) + ") ...");
        }
        JsonNode report = awaitAll(Map.of(id, file.getFileName().toString()), json ? System.err : out).get(id);
        if (json) {
            out.println(report.toPrettyString());
        } else {
            printFindings(report);
        }
        boolean errors = report.path("findingCounts").path("ERROR").asInt() > 0
                || "REJECTED".equals(report.path("status").asText());
        return errors ? EXIT_FINDINGS : EXIT_OK;
    }

    int table() {
        JsonNode page = get(reportingUrl + "/api/v1/disclosures?size=500");
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode item : page.path("items")) {
            String id = item.path("documentId").asText();
            rows.put(id, item);
            names.put(id, item.hasNonNull("filename") ? item.path("filename").asText() : shortId(id));
        }
        printTable(names, rows);
        return EXIT_OK;
    }

    private Map<String, JsonNode> awaitAll(Map<String, String> ids, PrintStream progress) throws InterruptedException {
        Map<String, JsonNode> finished = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastLine = "";
        while (finished.size() < ids.size()) {
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (String id : ids.keySet()) {
                if (finished.containsKey(id)) {
                    byStatus.merge(finished.get(id).path("status").asText(), 1, Integer::sum);
                    continue;
                }
                JsonNode view = getOrNull(reportingUrl + "/api/v1/disclosures/" + id);
                String status = view == null ? "SENT" : view.path("status").asText();
                byStatus.merge(status, 1, Integer::sum);
                if ("VALIDATED".equals(status) || "REJECTED".equals(status)) {
                    finished.put(id, view);
                }
            }
            String line = "waiting: " + byStatus;
            if (!line.equals(lastLine)) {
                progress.println(line);
                lastLine = line;
            }
            if (finished.size() == ids.size()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new CliException("gave up after " + timeout.toSeconds() + " s waiting for " + (ids.size()
                        - finished.size()) + " document(s) to be validated; see the service logs (./budgetlens status)");
            }
            Thread.sleep(500);
        }
        return finished;
    }

    private void printTable(Map<String, String> names, Map<String, JsonNode> views) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"document", "kind", "year", "status", "ERROR", "WARNING"});
        for (var entry : names.entrySet()) {
            JsonNode v = views.get(entry.getKey());
            if (v == null) {
                continue;
            }
            rows.add(new String[] {entry.getValue(), v.path("meta").path("kind").asText("-"),
                    v.path("meta").path("fiscalYear").asText("-"), v.path("status").asText(),
                    v.path("findingCounts").path("ERROR").asText("0"),
                    v.path("findingCounts").path("WARNING").asText("0")});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], displayWidth(row[c]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]).append(" ".repeat(widths[c] - displayWidth(row[c]) + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private void printFindings(JsonNode report) {
        out.println("status: " + report.path("status").asText() + ", kind: " + report.path("meta").path("kind").asText("-")
                + ", fiscal year: " + report.path("meta").path("fiscalYear").asText("-")
                + ", ruleset: " + report.path("rulesetVersion").asText("-"));
        if ("REJECTED".equals(report.path("status").asText())) {
            out.println("Not accepted as a disclosure:");
            report.path("rejectionReasons").forEach(r -> out.println("  - " + r.asText()));
            return;
        }
        JsonNode findings = report.path("findings");
        if (findings.isEmpty()) {
            out.println("No findings.");
            return;
        }
        for (JsonNode f : findings) {
            out.printf("%s %s [%s]%n  %s%n  %s%n", f.path("severity").asText(), f.path("ruleId").asText(),
                    f.path("category").asText(), f.path("messageZh").asText(), f.path("messageEn").asText());
            for (JsonNode e : f.path("evidence")) {
                out.println("    > " + e.path("quote").asText());
            }
        }
        JsonNode counts = report.path("findingCounts");
        out.printf("%d ERROR, %d WARNING, %d INFO%n", counts.path("ERROR").asInt(), counts.path("WARNING").asInt(),
                counts.path("INFO").asInt());
    }

    private JsonNode post(Path file, boolean draft) {
        try {
            String query = "?sourceUri=" + enc(file.toAbsolutePath().toUri().toString())
                    + "&filename=" + enc(file.getFileName().toString())
                    + (draft ? "&visibility=draft" : "");
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/documents" + query))
                    .header("Content-Type", contentType(file))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new CliException(file + " was refused (" + response.statusCode() + "): "
                        + EventJson.mapper().readTree(response.body()).path("detail").asText(response.body()));
            }
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new CliException("cannot reach ingest-service at " + ingestUrl + " (" + e.getMessage()
                    + "); is the stack up? Try ./budgetlens status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private JsonNode get(String url) {
        JsonNode node = getOrNull(url);
        if (node == null) {
            throw new CliException("not found: " + url);
        }
        return node;
    }

    private JsonNode getOrNull(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() >= 300) {
                throw new CliException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new CliException("cannot reach reporting-service at " + reportingUrl + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    static List<Path> files(List<String> args) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new CliException("cannot list " + path + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new CliException("No such file or directory: " + arg);
            }
        }
        return files;
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return "text/markdown";
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html";
        }
        if (name.endsWith(".txt")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    /** Terminal columns of a string: CJK and full-width characters take two. */
    static int displayWidth(String s) {
        return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1).sum();
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A user-facing failure: printed as one line, exit code 2. */
    static final class CliException extends RuntimeException {
        CliException(String message) {
            super(message);
        }
    }
}
