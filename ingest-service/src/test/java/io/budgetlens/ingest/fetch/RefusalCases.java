package io.budgetlens.ingest.fetch;

import java.util.List;
import java.util.stream.Stream;

/**
 * The SSRF refusal suite: URLs that must be refused before anything is sent, each with a word of the reason the
 * answer must give, kept as data in {@code src/test/resources/fetch/refusal-cases.tsv}. The names resolve through
 * {@link StubResolver}; {@code portal.test} (the tests' own server) is the only allowed host, and no address range is
 * allowed.
 */
public final class RefusalCases {

    /** One refused URL and a fragment of the reason. */
    public record Case(String url, String reason) {
        @Override
        public String toString() {
            return url.isEmpty() ? "(empty url)" : url.replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    private static final String FILE = "/fetch/refusal-cases.tsv";

    private static final List<Case> CASES = DataLines.of(FILE).stream().map(RefusalCases::parse).toList();

    private RefusalCases() {
    }

    public static Stream<Case> all() {
        return CASES.stream();
    }

    private static Case parse(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new IllegalStateException(FILE + ": no TAB between URL and reason in '" + line + "'");
        }
        String url = line.substring(0, tab).replace("\\r", "\r").replace("\\n", "\n");
        return new Case(url, line.substring(tab + 1));
    }
}
