package io.budgetlens.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import io.budgetlens.localstack.StackClient.Accepted;
import io.budgetlens.localstack.StackClient.Disclosure;

/**
 * Several files as one disclosure ({@code ingest --parts}, {@code check --parts}, {@code add-part}, {@code fetch}):
 * the files checked before anything is sent, and the result printed as one row per disclosure listing its parts and
 * its revision.
 */
final class MultiPart {

    private MultiPart() {
    }

    /**
     * Whether a command was given {@code --parts} (one disclosure) rather than its own file arguments: the two exclude
     * each other and one is required. {@code label} names the arguments ("FILE"), {@code alternative} says what they
     * are instead of the parts ("FILE|DIR... (one document each)").
     */
    static boolean partsGiven(CommandSpec spec, List<Path> parts, Object arguments, String label, String alternative) {
        if (parts != null && arguments != null) {
            throw new ParameterException(spec.commandLine(), "Give either --parts FILE... (one disclosure) or "
                    + alternative + ", not both: " + arguments);
        }
        if (parts == null && arguments == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: '" + label
                    + "' (or --parts FILE...)");
        }
        return parts != null;
    }

    /** The files of one disclosure: each must be a readable regular file; a file named twice is sent once. */
    static List<Path> files(List<Path> given) {
        List<Path> files = new ArrayList<>();
        for (Path file : given) {
            if (Files.isDirectory(file)) {
                throw new CliException(file + " is a directory: name the files of the disclosure one by one");
            }
            if (!Files.isRegularFile(file)) {
                throw new CliException("No such file: " + file);
            }
            if (!Files.isReadable(file)) {
                throw new CliException("cannot read " + file + " (permission denied)");
            }
            if (files.stream().noneMatch(f -> sameFile(f, file))) {
                files.add(file);
            }
        }
        return files;
    }

    /** {@code ingest --parts}: the files as one document, followed until validated, then its row. */
    static int ingest(Cli cli, List<Path> parts, boolean draft) {
        List<Path> files = files(parts);
        try (StackClient client = cli.client()) {
            Accepted answer = client.submitParts(files, draft);
            cli.out().printf("%s -> %s %s%n", names(files), answer.documentId(),
                    answer.duplicate() ? "(already received)" : "RECEIVED");
            Map<String, Disclosure> finished = Pipeline.awaitAll(client, Map.of(answer.documentId(), names(files)),
                    cli.timeout(), cli.out());
            cli.out().println();
            table(cli.out(), List.of(finished.get(answer.documentId())), names(files));
        }
        return Cli.EXIT_OK;
    }

    /** {@code check --parts}: the files as one draft document; its findings, exit 1 on an ERROR or a rejection. */
    static int check(Cli cli, List<Path> parts, boolean json) {
        List<Path> files = files(parts);
        try (StackClient client = cli.client()) {
            String id = client.submitParts(files, true).documentId();
            PrintStream progress = json ? cli.err() : cli.out();
            if (!json) {
                cli.out().println("Checking " + files.size() + " files as one disclosure: " + names(files) + " ("
                        + Documents.shortId(id) + ") ...");
            }
            Disclosure report = Pipeline.awaitAll(client, Map.of(id, names(files)), cli.timeout(), progress).get(id);
            if (json) {
                cli.out().println(report.json().toPrettyString());
            } else {
                cli.out().println("parts: " + parts(report, names(files)));
                Output.findings(cli.out(), report);
            }
            return report.count("ERROR") > 0 || report.rejected() ? Cli.EXIT_FINDINGS : Cli.EXIT_OK;
        }
    }

    /**
     * One row per disclosure: its id, its parts (as the parser ordered them: narrative first; {@code sent} while it
     * does not say), revision, kind, year, status and ERROR/WARNING counts.
     */
    static void table(PrintStream out, List<Disclosure> disclosures, String sent) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"document", "parts", "revision", "kind", "year", "status", "ERROR", "WARNING"});
        for (Disclosure d : disclosures) {
            rows.add(new String[] {Documents.shortId(d.json().path("documentId").asText()), parts(d, sent),
                    Integer.toString(d.revision()), d.kind(), d.fiscalYear(), d.status(),
                    Integer.toString(d.count("ERROR")), Integer.toString(d.count("WARNING"))});
        }
        Output.aligned(out, rows);
    }

    static String names(List<Path> files) {
        return String.join(" + ", files.stream().map(f -> f.getFileName().toString()).toList());
    }

    private static String parts(Disclosure d, String sent) {
        List<String> names = d.partNames();
        if (!names.isEmpty()) {
            return String.join(" + ", names);
        }
        String filename = d.json().path("filename").asText("");
        return filename.isEmpty() ? sent : filename;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
