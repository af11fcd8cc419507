package io.budgetlens.localstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.budgetlens.localstack.StackClient.Disclosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check [--json] FILE} or {@code check [--json] --parts FILE...} (several files as one disclosure,
 * {@link MultiPart}): one document as a draft; exit 1 when it has an ERROR finding or is rejected.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check one document as a draft and print its findings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no ERROR finding", "1:an ERROR finding, or not accepted as a disclosure",
                "2:bad usage, or the stack cannot be reached"})
public class CheckCommand extends Subcommand {

    @Option(names = "--json", description = "Print the whole stored disclosure as JSON (progress goes to stderr).")
    boolean json;

    @Mixin
    PartsOption parts;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The document to check.")
    Path file;

    @Override
    public Integer call() {
        if (parts.given(file, "FILE", "FILE")) {
            return MultiPart.check(cli, parts.files, json);
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException("No such file: " + file);
        }
        try (StackClient client = cli.client()) {
            String id = client.submit(file, true).documentId();
            PrintStream progress = json ? cli.err() : cli.out();
            if (!json) {
                cli.out().println("Checking " + file + " (" + Documents.shortId(id) + ") ...");
            }
            Disclosure report = Pipeline.awaitAll(client, Map.of(id, file.getFileName().toString()), cli.timeout(),
                    progress).get(id);
            if (json) {
                cli.out().println(report.json().toPrettyString());
            } else {
                Output.findings(cli.out(), report);
            }
            return report.count("ERROR") > 0 || report.rejected() ? Cli.EXIT_FINDINGS : Cli.EXIT_OK;
        }
    }
}
