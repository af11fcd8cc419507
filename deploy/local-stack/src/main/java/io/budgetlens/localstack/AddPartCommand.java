package io.budgetlens.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.budgetlens.localstack.StackClient.Accepted;
import io.budgetlens.localstack.StackClient.Disclosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code add-part DOCUMENT_ID FILE...}: adds files to a received document ({@code POST /api/v1/documents/{id}/parts}),
 * which makes its next revision with all its parts, parsed and validated again; follows it, then prints its row.
 */
@Command(name = "add-part", mixinStandardHelpOptions = true,
        description = {"Add files to a document already sent (the tables a narrative left out, an attachment): its "
                + "next revision, with all its parts, is parsed and validated again; earlier revisions stay in its "
                + "history.", "DOCUMENT_ID is the full id ingest and fetch print (64 hex digits)."})
public class AddPartCommand extends Subcommand {

    private static final Pattern SHORT_ID = Pattern.compile("[0-9a-f]{8,63}");

    @Parameters(index = "0", paramLabel = "DOCUMENT_ID", description = "The document to add to.")
    String documentId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to add.")
    List<Path> files;

    @Override
    public Integer call() {
        if (SHORT_ID.matcher(documentId).matches()) {
            throw new CliException("'" + documentId + "' is a shortened id: give the whole documentId (64 hex "
                    + "digits), as ingest --parts and fetch print it");
        }
        List<Path> parts = MultiPart.files(files);
        try (StackClient client = cli.client()) {
            int before = client.disclosure(documentId).map(Disclosure::revision).orElse(0);
            Accepted answer = client.addParts(documentId, parts);
            int revision = answer.duplicate() ? before : before + 1;
            cli.out().printf("%s -> %s %s%n", MultiPart.names(parts), answer.documentId(), answer.duplicate()
                    ? "(it has these parts already: no new revision)" : "RECEIVED as revision " + revision);
            Disclosure result = Pipeline.awaitAll(client, Map.of(answer.documentId(), MultiPart.names(parts)),
                    revision, cli.timeout(), cli.out()).get(answer.documentId());
            cli.out().println();
            MultiPart.table(cli.out(), List.of(result), MultiPart.names(parts));
        }
        return Cli.EXIT_OK;
    }
}
