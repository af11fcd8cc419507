package io.budgetlens.e2e;

import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.DocumentIds;
import io.budgetlens.testsupport.SharedPdfs;
import io.budgetlens.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;

/**
 * The launcher's Java client as {@code ./budgetlens} runs it (its packaged jar and lib/, a JVM of its own) against the
 * three running services: a real Jiangsu disclosure published as two PDFs, narrative and tables, sent with
 * {@code ingest --parts} becomes one document of two parts; {@code check --parts} with the files the other way round
 * is the same document; the narrative alone then {@code add-part} of the tables makes its revision 2 with both parts.
 * Skipped with the reason when the shared PDFs are absent.
 */
@Order(4)
class LauncherEndToEndTest {

    static final String NARRATIVE = "jiangsu-2019-dept-budget-shengweibangongting-narrative.pdf";
    static final String TABLES = "jiangsu-2019-dept-budget-shengweibangongting-tables.pdf";

    record Run(int exit, String out) {
    }

    @Test
    void partsOfOneDisclosureBecomeOneDocumentWhateverTheirOrderAndAPartAddedMakesRevisionTwo() throws Exception {
        Path pdfs = SharedPdfs.folder();
        Assumptions.assumeTrue(pdfs != null,
                SharedPdfs.missingMessage("the end-to-end tests on real PDFs are skipped"));
        RunningSystem system = RunningSystem.get();
        String narrative = pdfs.resolve(NARRATIVE).toString();
        String tables = pdfs.resolve(TABLES).toString();

        Run ingest = launcher(system, "ingest", "--draft", "--parts", narrative, tables);
        assertThat(ingest.exit()).as(ingest.out()).isZero();
        String id = ingest.out().replaceAll("(?s).* -> ([0-9a-f]{64}) RECEIVED.*", "$1");
        assertThat(id).as(ingest.out()).matches("[0-9a-f]{64}");
        JsonPath d = asAdmin().baseUri(system.reporting.url()).get("/api/v1/disclosures/{id}", id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(d.getString("status")).isEqualTo("VALIDATED");
        assertThat(d.getList("parts.filename")).containsExactly(NARRATIVE, TABLES);
        assertThat(d.getList("parts.role")).containsExactly("NARRATIVE", "TABLES");
        assertThat(ingest.out()).containsPattern(id.substring(0, 12) + " +" + NARRATIVE.replace(".", "\\.") + " \\+ "
                + TABLES.replace(".", "\\.") + " +1 +BUDGET +2019 +VALIDATED +" + d.getInt("findingCounts.ERROR")
                + " +" + d.getInt("findingCounts.WARNING"));

        Run check = launcher(system, "check", "--parts", tables, narrative);
        // A draft has an id of its own (its owner's, docs/events.md "draft keys"); the parts are read in the same
        // order whatever order they were given in.
        assertThat(check.out()).contains("Checking 2 files as one disclosure: " + TABLES + " + " + NARRATIVE + " (",
                "parts: " + NARRATIVE + " + " + TABLES);
        assertThat(check.exit()).as(check.out()).isEqualTo(d.getInt("findingCounts.ERROR") > 0 ? 1 : 0);

        // public, so its id is the file's hash (a draft's id is its owner's, docs/events.md "draft keys")
        Run alone = launcher(system, "ingest", narrative);
        assertThat(alone.exit()).as(alone.out()).isZero();
        String narrativeId = DocumentIds.of(Files.readAllBytes(pdfs.resolve(NARRATIVE))); // one file: its sha-256
        assertThat(alone.out()).contains(narrativeId.substring(0, 12) + " RECEIVED");
        Run added = launcher(system, "add-part", narrativeId, tables);
        assertThat(added.exit()).as(added.out()).isZero();
        assertThat(added.out()).contains(TABLES + " -> " + narrativeId + " RECEIVED as revision 2")
                .containsPattern(narrativeId.substring(0, 12) + " +" + NARRATIVE.replace(".", "\\.") + " \\+ "
                        + TABLES.replace(".", "\\.") + " +2 +BUDGET +2019 +VALIDATED");
        JsonPath revised = asAdmin().baseUri(system.reporting.url()).get("/api/v1/disclosures/{id}", narrativeId)
                .then().extract().jsonPath();
        assertThat(revised.getInt("revision")).isEqualTo(2);
        assertThat(revised.getInt("validatedRevision")).isEqualTo(2);
        assertThat(revised.getList("parts.filename")).containsExactly(NARRATIVE, TABLES);
    }

    /** Runs the launcher's client (io.budgetlens.localstack.Cli) as ./budgetlens does, against the running services. */
    static Run launcher(RunningSystem system, String... args) throws IOException, InterruptedException {
        Path target = Path.of("..", "deploy", "local-stack", "target").toAbsolutePath().normalize();
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("local-stack-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new AssertionError("the launcher is not packaged in " + target));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:TieredStopAtLevel=1", "-cp", jar + File.pathSeparator + target.resolve("lib")
                        + File.separator + "*", "-Dbudgetlens.ingest.url=" + system.ingest.url(),
                "-Dbudgetlens.reporting.url=" + system.reporting.url(), "-Dbudgetlens.wait.seconds=240",
                "-Dbudgetlens.token=" + TestTokens.submitter("launcher-e2e"),
                "io.budgetlens.localstack.Cli"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("budgetlens-launcher", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 300 s: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        System.out.println("budgetlens " + String.join(" ", args) + "\n" + out);
        return new Run(process.exitValue(), out);
    }
}
