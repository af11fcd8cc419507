package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The launcher's client: its command line (picocli: unknown options are errors with the usage, help for every
 * command, the documented exit codes), file selection, content types, table alignment, and what it sends to and
 * reads from a stack (a stand-in ingest- and reporting-service on a free port).
 */
class CliTest {

    @TempDir
    Path dir;

    private TestLauncher launcher;
    private FakeStack stack;

    @BeforeEach
    void launcher() {
        launcher = new TestLauncher(dir);
    }

    @AfterEach
    void stopStack() {
        if (stack != null) {
            stack.server.stop(0);
        }
    }

    @Test
    void directoriesExpandToTheirVisibleFilesInNameOrder() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "b");
        Files.writeString(dir.resolve("a.md"), "a");
        Files.writeString(dir.resolve(".hidden"), "h");
        assertThat(Documents.files(List.of(dir.toString()))).extracting(p -> p.getFileName().toString())
                .containsExactly("a.md", "b.txt");
        assertThatThrownBy(() -> Documents.files(List.of(dir.resolve("missing.txt").toString())))
                .hasMessageContaining("No such file or directory");
    }

    @Test
    void contentTypeFollowsTheExtensionAndUnknownIsLeftToSniffing() {
        assertThat(Documents.contentType(Path.of("x.md"))).isEqualTo("text/markdown");
        assertThat(Documents.contentType(Path.of("x.HTML"))).isEqualTo("text/html");
        assertThat(Documents.contentType(Path.of("x.txt"))).isEqualTo("text/plain");
        assertThat(Documents.contentType(Path.of("x.pdf"))).isEqualTo("application/octet-stream");
    }

    @Test
    void chineseTakesTwoColumnsSoTablesLineUp() {
        assertThat(Output.displayWidth("巴南区")).isEqualTo(6);
        assertThat(Output.displayWidth("banan")).isEqualTo(5);
        assertThat(Output.displayWidth("（一）")).isEqualTo(6);
    }

    @Test
    void aMistypedOptionIsAnErrorWithTheUsageAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("d.txt"), "2024年部门预算");
        assertThat(cli("http://localhost:1").run("check", "--jsn", file.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Unknown option: '--jsn'").contains("Usage: budgetlens check");
        assertThat(cli("http://localhost:1").run("ingest", "--drfat", file.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Unknown option: '--drfat'").contains("Usage: budgetlens ingest");
        assertThat(cli("http://localhost:1").run("check")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Missing required parameter: 'FILE'");
        assertThat(cli("http://localhost:1").run("nonsense")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Unmatched argument at index 0: 'nonsense'");
        assertThat(cli("http://localhost:1").run()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Usage: budgetlens", "ingest", "check");
    }

    @Test
    void helpWorksForEveryCommand() {
        assertThat(cli("http://localhost:1").run("help")).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("Usage: budgetlens", "ingest", "check", "help");
        for (String command : List.of("ingest", "check")) {
            launcher.clearOut();
            assertThat(cli("http://localhost:1").run("help", command)).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).contains("Usage: budgetlens " + command);
            launcher.clearOut();
            assertThat(cli("http://localhost:1").run(command, "--help")).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).contains("Usage: budgetlens " + command);
        }
        assertThat(out()).contains("Exit codes:", "1   an ERROR finding");
    }

    @Test
    void aStoppedStackGivesAClearMessageAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("d.txt"), "2024年部门预算");
        assertThat(cli("http://localhost:1").run("check", file.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("budgetlens: cannot reach ingest-service at http://localhost:1");
        assertThat(cli("http://localhost:1").run("check", dir.resolve("missing.txt").toString()))
                .isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("budgetlens: No such file: ");
    }

    @Test
    void checkSendsADraftWithItsTypeWaitsForTheReportAndExitsOneOnAnError() throws IOException {
        assertThat(checkAgainstStack(new FakeStack(1, false), "预算.md", "# 某局2025年部门预算"))
                .isEqualTo(Cli.EXIT_FINDINGS);
        assertThat(stack.requests).singleElement().satisfies(r -> {
            assertThat(r).startsWith("POST /api/v1/documents?").contains("visibility=draft")
                    .contains("filename=%E9%A2%84%E7%AE%97.md").endsWith(" text/markdown # 某局2025年部门预算");
        });
        assertThat(stack.authorizations).singleElement().asString().startsWith("Bearer ey");
        assertThat(out()).contains("Checking " + dir.resolve("预算.md"), "waiting: {SENT=1}", "waiting: {VALIDATED=1}",
                "ERROR CHG-001 [CHANGE]", "变动率不符", "    > 比上年增加", "1 ERROR, 0 WARNING, 0 INFO");
    }

    @Test
    void checkExitsZeroWithoutErrorsAndPrintsJsonOnRequest() throws IOException {
        assertThat(checkAgainstStack(new FakeStack(0, false), "d.txt", "2024年部门预算", "--json"))
                .isEqualTo(Cli.EXIT_OK);
        assertThat(out()).startsWith("{").contains("\"status\" : \"VALIDATED\"");
        assertThat(err()).contains("waiting: {VALIDATED=1}");
    }

    @Test
    void aRejectedDocumentExitsOne() throws IOException {
        assertThat(checkAgainstStack(new FakeStack(0, true), "d.txt", "菜单")).isEqualTo(Cli.EXIT_FINDINGS);
        assertThat(out()).contains("Not accepted as a disclosure:", "  - 不是预决算公开文件");
    }

    @Test
    void ingestSendsEveryFileAndPrintsATable() throws IOException {
        stack = new FakeStack(0, false);
        Files.writeString(dir.resolve("b.txt"), "b");
        Files.writeString(dir.resolve("a.html"), "<p>a</p>");
        assertThat(cli(stack.url()).run("ingest", dir.toString())).isEqualTo(Cli.EXIT_OK);
        assertThat(stack.requests).hasSize(2);
        assertThat(stack.requests.get(0)).contains("filename=a.html").doesNotContain("visibility")
                .contains(" text/html ");
        assertThat(out()).contains("[1/2]", "[2/2]")
                .containsPattern("document +kind +year +status +ERROR +WARNING")
                .containsPattern("a\\.html +BUDGET +2025 +VALIDATED +0 +0");
    }

    @Test
    void aRefusedDocumentShowsIngestsReasonAndExitsTwo() throws IOException {
        stack = new FakeStack(0, false);
        Path file = Files.writeString(dir.resolve("refuse.bin"), "x");
        assertThat(cli(stack.url()).run("check", file.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("was refused (415): not a document");
    }

    @Test
    void benchRefusesNoDocumentsOrNoClientsAndNamesItsOptionsInItsHelp() {
        assertThat(cli("http://localhost:1").run("bench", "--documents", "0")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("--documents and --clients must be at least 1");
        assertThat(cli("http://localhost:1").run("bench", "--warm-up", "-1")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("--warm-up not negative");
        assertThat(cli("http://localhost:1").run("bench", "--first", "-1")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("--first must be 0 or more");
        // refused before the run, not after it: the address below has no stack, and nothing was sent to it
        assertThat(cli("http://localhost:1").run("bench", "--json", dir.resolve("no-such-folder/bench.json")
                .toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("cannot write the results to").contains("no-such-folder")
                .contains("does not exist");
        assertThat(cli("http://localhost:1").run("bench", "--json", dir.toString())).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("it exists and is not a writable file");
        assertThat(cli("http://localhost:1").run("bench", "--clinets=2")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("Unknown option: '--clinets=2'").contains("Possible solutions: --clients");
        assertThat(cli("http://localhost:1").run("help", "bench")).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("--documents=N", "--clients=C", "--rate=R", "--warm-up=W",
                "--json=FILE", "--accept-only");
    }

    /** {@code --accept-only}: the 202s counted and timed, nothing followed in a database (none is running here). */
    @Test
    void benchAcceptOnlyCountsTheAnswersOfTheFrontDoor() throws IOException {
        stack = new FakeStack(0, false);
        Path json = dir.resolve("accept.json");
        System.setProperty("budgetlens.ingest.url", stack.url());
        try {
            assertThat(cli(stack.url()).run("bench", "--accept-only", "--documents", "12", "--clients", "3",
                    "--first", "0", "--no-floor", "--samples", Path.of("..", "..", "samples").toString(),
                    "--json", json.toString())).isEqualTo(Cli.EXIT_OK);
        } finally {
            System.clearProperty("budgetlens.ingest.url");
        }
        assertThat(out()).contains("accepted      12 of 12 (0 refused, 0 duplicates)")
                .contains("end to end    not followed (--accept-only)");
        assertThat(stack.requests).hasSize(12);
        assertThat(Files.readString(json)).contains("\"acceptOnly\" : true").contains("\"accepted\" : 12");
    }

    private Cli cli(String url) {
        return launcher.against(url);
    }

    /** {@code check [options] FILE} against the stand-in stack, on a file of that name and content; the exit code. */
    private int checkAgainstStack(FakeStack fake, String name, String content, String... options) throws IOException {
        stack = fake;
        Path file = Files.writeString(dir.resolve(name), content);
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(List.of(options));
        args.add(file.toString());
        return cli(stack.url()).run(args.toArray(String[]::new));
    }

    @Test
    void tokenPrintsOnlyATokenSignedWithTheLocalKeyForTheRoleAndSubject() throws Exception {
        assertThat(cli("http://localhost:1").run("token", "--role", "admin", "--subject", "ops")).isEqualTo(Cli.EXIT_OK);
        String token = out().strip();
        assertThat(out()).isEqualTo(token + System.lineSeparator());
        Path publicKey = dir.resolve("state/jwt/publicKey.pem");
        String pem = Files.readString(publicKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
        var claims = new org.jose4j.jwt.consumer.JwtConsumerBuilder().setVerificationKey(key)
                .setExpectedIssuer("budgetlens-local").setExpectedAudience("budgetlens").setRequireExpirationTime()
                .build().processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("ops");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("admin");
        assertThat(Files.getPosixFilePermissions(dir.resolve("state/jwt/privateKey.pem")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(cli("http://localhost:1").run("token", "--role", "king")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("--role");
    }

    private String out() {
        return launcher.out();
    }

    private String err() {
        return launcher.err();
    }

    /**
     * A stand-in ingest-service and reporting-service on one free port: documents are accepted (a .bin refused with
     * 415 problem+json); each disclosure is unknown (404) at the first look and finished at the next.
     */
    static final class FakeStack {
        final HttpServer server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> looks = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();

        FakeStack(int errors, boolean rejected) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/documents", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String query = exchange.getRequestURI().getRawQuery();
                requests.add("POST " + exchange.getRequestURI().getPath() + "?" + query + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                if (query.contains(".bin")) {
                    answer(exchange, 415, "application/problem+json", "{\"status\":415,\"detail\":\"not a document\"}");
                    return;
                }
                String id = String.format("%064d", next.incrementAndGet());
                answer(exchange, 202, "application/json",
                        "{\"documentId\":\"" + id + "\",\"status\":\"RECEIVED\",\"duplicate\":false}");
            });
            server.createContext("/api/v1/disclosures/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/api/v1/disclosures/".length());
                if (looks.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement() == 0) {
                    answer(exchange, 404, "application/problem+json", "{\"status\":404}");
                } else if (rejected) {
                    answer(exchange, 200, "application/json", "{\"documentId\":\"" + id + "\",\"status\":\"REJECTED\","
                            + "\"rejectionReasons\":[\"不是预决算公开文件\"],\"findingCounts\":{\"ERROR\":0}}");
                } else {
                    answer(exchange, 200, "application/json", "{\"documentId\":\"" + id + "\",\"status\":\"VALIDATED\","
                            + "\"meta\":{\"kind\":\"BUDGET\",\"fiscalYear\":2025},\"rulesetVersion\":\"0.2.0\","
                            + "\"findingCounts\":{\"ERROR\":" + errors + ",\"WARNING\":0,\"INFO\":0},\"findings\":["
                            + (errors == 0 ? "" : "{\"ruleId\":\"CHG-001\",\"severity\":\"ERROR\",\"category\":"
                            + "\"CHANGE\",\"messageZh\":\"变动率不符\",\"messageEn\":\"change rate wrong\","
                            + "\"evidence\":[{\"quote\":\"比上年增加\"}]}") + "]}");
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        static void answer(HttpExchange exchange, int status, String type, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
