package io.budgetlens.localstack;

import java.util.List;
import java.util.Map;

import io.budgetlens.localstack.StackClient.Disclosure;
import io.budgetlens.localstack.StackClient.Fetched;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fetch URL [--draft]}: ingest-service fetches a disclosure page or file from a portal, with the files the
 * page links, as one document ({@code POST /api/v1/documents:fetch}); prints what it fetched, follows the document,
 * then prints its row.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetch a disclosure page or file from a government portal, with the PDF, XLS(X), DOC(X) and "
                + "ZIP files the page links, as one document; show what was fetched, its progress and its row.",
                "", "ingest-service fetches from public internet addresses only. To fetch from this machine or an "
                + "intranet portal, allow the host when starting the stack:",
                "  BUDGETLENS_INGEST_FETCH_ALLOW=portal.intranet.example,127.0.0.1 ./budgetlens up --detach",
                "(host names, *.domain, addresses or CIDR ranges, comma-separated; ./budgetlens down first if it runs)."})
public class FetchCommand extends Subcommand {

    @Option(names = "--draft", description = "Fetch it as a draft (checked, kept out of public lists).")
    boolean draft;

    @Parameters(paramLabel = "URL", arity = "1", description = "The http(s) address of the page or file, as written.")
    String url;

    @Override
    public Integer call() {
        Fetched answer;
        try (StackClient client = cli.client()) {
            cli.out().println("Fetching " + url + " ...");
            try {
                answer = client.fetch(url, draft);
            } catch (CliException e) {
                if (e.getMessage().contains("budgetlens.ingest.fetch.allow")) {
                    throw new CliException(e.getMessage() + " On this machine: ./budgetlens down, then "
                            + "BUDGETLENS_INGEST_FETCH_ALLOW=<host> ./budgetlens up --detach");
                }
                throw e;
            }
            for (Fetched.Exchange e : answer.fetched()) {
                cli.out().printf("  %d %s %d bytes  %s%n", e.status(), e.contentType() == null ? "-" : e.contentType(),
                        e.bytes(), e.url());
            }
            for (Fetched.Skipped s : answer.skipped()) {
                cli.out().println("  skipped " + s.url() + ": " + s.reason());
            }
            String parts = String.join(" + ", answer.parts().stream().map(FetchCommand::name).toList());
            cli.out().printf("%s -> %s %s%n", parts, answer.documentId(),
                    answer.duplicate() ? "(already received)" : "RECEIVED");
            Disclosure result = Pipeline.awaitAll(client, Map.of(answer.documentId(), parts), cli.timeout(),
                    cli.out()).get(answer.documentId());
            cli.out().println();
            MultiPart.table(cli.out(), List.of(result), parts);
        }
        return Cli.EXIT_OK;
    }

    /** A part's file name, or the last segment of the URL it came from. */
    private static String name(Fetched.FetchedPart part) {
        if (part.filename() != null && !part.filename().isBlank()) {
            return part.filename();
        }
        String uri = part.sourceUri() == null ? "" : part.sourceUri().replaceAll("[?#].*$", "");
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        return last.isEmpty() ? uri : last;
    }
}
