package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.budgetlens.events.EventJson;

/**
 * The launcher's multi-part commands against a stand-in stack: {@code ingest --parts} and {@code check --parts} send
 * ONE multipart/form-data request with a file field per file, {@code add-part} waits for the document's next revision,
 * {@code fetch} sends the URL exactly as given to {@code documents:fetch} (the colon of the path unescaped), and the
 * errors a user meets (missing file, unknown id, unsupported type, a host the stack may not reach) are one clear line.
 */
class MultiPartCliTest {

    static final String ID = "a".repeat(64);
    static final String UNKNOWN = "b".repeat(64);

    @TempDir
    Path dir;

    private TestLauncher launcher;
    private PartsStack stack;

    @BeforeEach
    void startStack() throws IOException {
        launcher = new TestLauncher(dir);
        stack = new PartsStack();
    }

    @AfterEach
    void stopStack() {
        stack.server.stop(0);
    }

    @Test
    void ingestPartsSendsOneMultipartRequestAndPrintsOneRowListingItsParts() throws IOException {
        Path narrative = Files.writeString(dir.resolve("预算说明.pdf"), "%PDF-1.7 narrative");
        Path tables = Files.writeString(dir.resolve("tables.xlsx"), "PK tables");
        assertThat(run("ingest", "--parts", narrative.toString(), tables.toString(), "--draft")).isEqualTo(Cli.EXIT_OK);

        assertThat(stack.requests).singleElement().satisfies(r -> {
            assertThat(r).containsPattern("^POST /api/v1/documents\\?visibility=draft multipart/form-data; ?boundary=");
            assertThat(r).contains("filename=\"预算说明.pdf\"", "%PDF-1.7 narrative", "filename=\"tables.xlsx\"",
                    "PK tables");
            assertThat(r.split("Content-Disposition: form-data")).hasSize(3);
        });
        assertThat(out()).contains("预算说明.pdf + tables.xlsx -> " + ID + " RECEIVED", "waiting: {SENT=1}",
                        "waiting: {VALIDATED=1}")
                .containsPattern("document +parts +revision +kind +year +status +ERROR +WARNING")
                .containsPattern("aaaaaaaaaaaa +预算说明\\.pdf \\+ tables\\.xlsx +1 +BUDGET +2025 +VALIDATED +0 +1");
    }

    @Test
    void checkPartsChecksThemAsOneDraftAndPrintsItsFindings() throws IOException {
        Path narrative = Files.writeString(dir.resolve("narrative.pdf"), "%PDF-1.7 narrative");
        Path tables = Files.writeString(dir.resolve("tables.xlsx"), "PK tables");
        assertThat(run("check", "--parts", narrative.toString(), tables.toString())).isEqualTo(Cli.EXIT_OK);
        assertThat(stack.requests).singleElement().asString().contains("visibility=draft", "multipart/form-data");
        assertThat(out()).contains("Checking 2 files as one disclosure: narrative.pdf + tables.xlsx (aaaaaaaaaaaa)",
                "parts: 预算说明.pdf + tables.xlsx", "WARNING COMP-002 [COMPLETENESS]", "0 ERROR, 1 WARNING, 0 INFO");

        launcher.clearOut();
        assertThat(run("check", "--json", "--parts", narrative.toString(), tables.toString())).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).startsWith("{").contains("\"parts\" : [");
    }

    @Test
    void addPartMakesTheNextRevisionAndWaitsForItNotForTheOldOne() throws IOException {
        stack.received.put(ID, 1);
        stack.looks.put(ID, new AtomicInteger(5));
        Path extra = Files.writeString(dir.resolve("附件3.docx"), "PK extra");
        assertThat(run("add-part", ID, extra.toString())).isEqualTo(Cli.EXIT_OK);

        assertThat(stack.requests).singleElement().asString()
                .startsWith("POST /api/v1/documents/" + ID + "/parts multipart/form-data").contains("PK extra");
        assertThat(out()).contains("附件3.docx -> " + ID + " RECEIVED as revision 2",
                        "waiting: {SENT=1}", "waiting: {RECEIVED=1}", "waiting: {VALIDATED=1}")
                .containsPattern("aaaaaaaaaaaa +预算说明\\.pdf \\+ tables\\.xlsx \\+ 附件3\\.docx +2 +BUDGET +2025 "
                        + "+VALIDATED +0 +1");
    }

    @Test
    void fetchSendsTheUrlAsWrittenAndShowsWhatWasFetched() {
        String url = "http://portal.example:8080/zwgk/a:b/预算公开.html?id=7&t=a:b";
        assertThat(run("fetch", url, "--draft")).isEqualTo(Cli.EXIT_OK);

        assertThat(stack.requests).singleElement().satisfies(r -> {
            assertThat(r).startsWith("POST /api/v1/documents:fetch application/json");
            JsonNode body = json(r.substring(r.indexOf('{')));
            assertThat(body.path("url").asText()).isEqualTo(url);
            assertThat(body.path("visibility").asText()).isEqualTo("draft");
        });
        assertThat(out()).contains("Fetching " + url,
                "  200 text/html 2048 bytes  " + url,
                "  200 application/pdf 90000 bytes  http://portal.example:8080/files/附件1.pdf",
                "  skipped http://portal.example:8080/files/logo.png: image/png is not a document",
                "预算公开.html + 附件1.pdf -> " + ID + " RECEIVED")
                .containsPattern("aaaaaaaaaaaa +预算说明\\.pdf \\+ tables\\.xlsx +1 +BUDGET");
    }

    @Test
    void aHostTheStackMayNotReachSaysHowToAllowIt() {
        assertThat(run("fetch", "http://10.0.0.1/budget.pdf")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("budgetlens: http://10.0.0.1/budget.pdf was not fetched (400): Refused",
                "BUDGETLENS_INGEST_FETCH_ALLOW=<host> ./budgetlens up --detach");
        assertThat(run("fetch", "--help")).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("Usage: budgetlens fetch", "BUDGETLENS_INGEST_FETCH_ALLOW=");
    }

    @Test
    void missingFilesUnknownIdsAndUnsupportedTypesAreOneClearLine() throws IOException {
        Path pdf = Files.writeString(dir.resolve("a.pdf"), "%PDF-1.7");
        assertThat(run("ingest", "--parts", pdf.toString(), dir.resolve("missing.xlsx").toString()))
                .isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("budgetlens: No such file: " + dir.resolve("missing.xlsx"));
        assertThat(run("check", "--parts", pdf.toString(), dir.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("is a directory: name the files of the disclosure one by one");
        assertThat(stack.requests).isEmpty();

        Path doc = Files.writeString(dir.resolve("old.doc"), "\u00d0\u00cf\u0011\u00e0");
        assertThat(run("ingest", "--parts", pdf.toString(), doc.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("refused (415): OFFICE_UNSUPPORTED: the body is a Word 97-2003 document (DOC)");

        assertThat(run("add-part", UNKNOWN, pdf.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("budgetlens: no such document: No document " + UNKNOWN + " was received.");
        assertThat(run("add-part", "aaaaaaaaaaaa", pdf.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("'aaaaaaaaaaaa' is a shortened id: give the whole documentId");
    }

    @Test
    void partsAndPlainFilesDoNotMixAndEveryNewCommandHasHelp() throws IOException {
        Path pdf = Files.writeString(dir.resolve("a.pdf"), "%PDF-1.7");
        assertThat(run("check", pdf.toString(), "--parts", pdf.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Give either --parts FILE... (one disclosure) or FILE, not both",
                "Usage: budgetlens check");
        assertThat(run("ingest")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Missing required parameter: 'FILE|DIR' (or --parts FILE...)");
        assertThat(run("add-part", ID)).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Missing required parameter: 'FILE'");
        assertThat(run("help")).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("add-part", "fetch");
        for (String command : List.of("ingest", "check", "add-part", "fetch")) {
            launcher.clearOut();
            assertThat(run("help", command)).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).contains("Usage: budgetlens " + command);
        }
        assertThat(stack.requests).isEmpty();
    }

    private int run(String... args) {
        return launcher.against(stack.url()).run(args);
    }

    private String out() {
        return launcher.out();
    }

    private String err() {
        return launcher.err();
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A stand-in ingest- and reporting-service that knows multi-part documents: a new document is unknown (404) at the
     * first look and VALIDATED at the next; a part added shows at reporting one look late, then as received, then
     * validated, as the pipeline reports it.
     */
    static final class PartsStack {
        final HttpServer server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Map<String, Integer> received = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> looks = new ConcurrentHashMap<>();

        PartsStack() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/documents", this::documents);
            server.createContext("/api/v1/disclosures/", this::disclosure);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void documents(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add("POST " + path + (query == null ? "" : "?" + query) + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
            if (path.equals("/api/v1/documents:fetch")) {
                if (body.contains("10.0.0.1")) {
                    CliTest.FakeStack.answer(exchange, 400, "application/problem+json", "{\"status\":400,\"detail\":"
                            + "\"Refused http://10.0.0.1/budget.pdf: 10.0.0.1 is a private address. BudgetLens fetches "
                            + "from public internet addresses only; an operator can allow a host or an address range "
                            + "with budgetlens.ingest.fetch.allow.\"}");
                    return;
                }
                String url = json(body).path("url").asText();
                received.put(ID, 1);
                CliTest.FakeStack.answer(exchange, 202, "application/json", "{\"documentId\":\"" + ID + "\","
                        + "\"status\":\"RECEIVED\",\"fetched\":[{\"url\":\"" + url + "\",\"status\":200,"
                        + "\"contentType\":\"text/html\",\"bytes\":2048},{\"url\":\"http://portal.example:8080/files/"
                        + "附件1.pdf\",\"status\":200,\"contentType\":\"application/pdf\",\"bytes\":90000}],"
                        + "\"parts\":[{\"sourceUri\":\"" + url + "\",\"bytes\":2048},{\"sourceUri\":"
                        + "\"http://portal.example:8080/files/附件1.pdf\",\"filename\":\"附件1.pdf\",\"bytes\":90000}],"
                        + "\"skipped\":[{\"url\":\"http://portal.example:8080/files/logo.png\",\"reason\":\"image/png "
                        + "is not a document\"}]}");
                return;
            }
            if (path.endsWith("/parts")) {
                String id = path.substring("/api/v1/documents/".length(), path.length() - "/parts".length());
                if (!received.containsKey(id)) {
                    CliTest.FakeStack.answer(exchange, 404, "application/problem+json",
                            "{\"status\":404,\"detail\":\"No document " + id + " was received.\"}");
                    return;
                }
                received.merge(id, 1, Integer::sum);
                looks.put(id, new AtomicInteger());
            } else if (body.contains("filename=\"old.doc\"")) {
                CliTest.FakeStack.answer(exchange, 415, "application/problem+json", "{\"status\":415,\"detail\":"
                        + "\"OFFICE_UNSUPPORTED: the body is a Word 97-2003 document (DOC), which BudgetLens does not "
                        + "read\"}");
                return;
            } else {
                received.put(ID, 1);
            }
            CliTest.FakeStack.answer(exchange, 202, "application/json",
                    "{\"documentId\":\"" + ID + "\",\"status\":\"RECEIVED\",\"duplicate\":false}");
        }

        private void disclosure(HttpExchange exchange) throws IOException {
            String id = exchange.getRequestURI().getPath().substring("/api/v1/disclosures/".length());
            Integer revision = received.get(id);
            int look = looks.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement();
            if (revision == null || revision == 1 && look == 0) {
                CliTest.FakeStack.answer(exchange, 404, "application/problem+json", "{\"status\":404}");
                return;
            }
            int shown = revision > 1 && look == 0 ? revision - 1 : revision;
            int validated = revision > 1 && look <= 1 ? revision - 1 : revision;
            List<String> parts = new ArrayList<>(List.of("预算说明.pdf", "tables.xlsx"));
            if (shown > 1) {
                parts.add("附件3.docx");
            }
            String partsJson = String.join(",", parts.stream().map(p -> "{\"filename\":\"" + p + "\"}").toList());
            CliTest.FakeStack.answer(exchange, 200, "application/json", "{\"documentId\":\"" + id + "\","
                    + "\"status\":\"VALIDATED\",\"revision\":" + shown + ",\"parsedRevision\":" + validated
                    + ",\"validatedRevision\":" + validated + ",\"parts\":[" + partsJson + "],"
                    + "\"meta\":{\"kind\":\"BUDGET\",\"fiscalYear\":2025},\"rulesetVersion\":\"0.2.0\","
                    + "\"findingCounts\":{\"ERROR\":0,\"WARNING\":1,\"INFO\":0},\"findings\":[{\"ruleId\":\"COMP-002\","
                    + "\"severity\":\"WARNING\",\"category\":\"COMPLETENESS\",\"messageZh\":\"缺少表\","
                    + "\"messageEn\":\"a table is missing\",\"evidence\":[]}]}");
        }
    }
}
