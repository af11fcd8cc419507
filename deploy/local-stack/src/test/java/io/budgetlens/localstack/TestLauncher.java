package io.budgetlens.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The launcher's client as the tests run it: its output and errors captured, its keys under a test's folder, the
 * requests carrying a submitter's token of "tester".
 */
final class TestLauncher {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LocalKeys keys;

    TestLauncher(Path dir) {
        keys = new LocalKeys(dir.resolve("state"));
    }

    /** A client of the stack at this URL (ingest and reporting both); the errors of an earlier run are dropped. */
    Cli against(String url) {
        err.reset();
        return new Cli(() -> new StackClient(url, url, keys.token("tester", List.of("submitter"), Duration.ofMinutes(5))),
                Duration.ofSeconds(20), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), keys);
    }

    /** What the runs printed on stdout so far. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last run printed on stderr. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    void clearOut() {
        out.reset();
    }
}
