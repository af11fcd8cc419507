package io.budgetlens.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.localstack.StackClient.Accepted;
import io.budgetlens.localstack.StackClient.Disclosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingest [--draft] FILE|DIR...}: sends documents, follows them until validated, prints a table;
 * {@code ingest [--draft] --parts FILE...}: the files as one disclosure ({@link MultiPart}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Send documents, show their progress (received, parsed, validated) and print a table.")
public class IngestCommand extends Subcommand {

    @Option(names = "--draft", description = "Send them as drafts (checked, kept out of public lists).")
    boolean draft;

    @Mixin
    PartsOption parts;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*",
            description = "Documents, or directories whose visible files are sent in name order; one document each.")
    List<String> paths;

    @Override
    public Integer call() {
        if (parts.given(paths, "FILE|DIR", "FILE|DIR... (one document each)")) {
            return MultiPart.ingest(cli, parts.files, draft);
        }
        List<Path> files = Documents.files(paths);
        if (files.isEmpty()) {
            throw new CliException("ingest needs at least one file or directory");
        }
        try (StackClient client = cli.client()) {
            Map<String, String> ids = new LinkedHashMap<>();
            int i = 0;
            for (Path file : files) {
                i++;
                Accepted answer = client.submit(file, draft);
                ids.put(answer.documentId(), file.getFileName().toString());
                cli.out().printf("[%d/%d] %s -> %s %s%n", i, files.size(), file, Documents.shortId(answer.documentId()),
                        answer.duplicate() ? "(already received)" : "RECEIVED");
            }
            Map<String, Disclosure> finished = Pipeline.awaitAll(client, ids, cli.timeout(), cli.out());
            cli.out().println();
            Output.table(cli.out(), ids, finished);
        }
        return Cli.EXIT_OK;
    }
}
