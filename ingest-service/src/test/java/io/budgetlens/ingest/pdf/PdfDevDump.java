package io.budgetlens.ingest.pdf;

import java.time.Clock;
import java.time.Instant;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.testsupport.SharedPdfs;

/** Development aid (not a test): parses shared PDFs and prints the score and misses of each. */
public final class PdfDevDump {

    private PdfDevDump() {
    }

    public static DisclosureParsed parse(String name) {
        byte[] bytes = SharedPdfs.bytes(name);
        DisclosureReceived received = new DisclosureReceived(DocumentIds.of(bytes), "application/pdf", null, null,
                name + ".pdf", bytes.length, DocumentIds.of(bytes), Instant.EPOCH, Visibility.PUBLIC, bytes);
        return new DisclosureParser(Clock.systemUTC()).parse(received);
    }

    public static void main(String[] args) {
        for (String name : args.length > 0 ? java.util.List.of(args) : SharedPdfs.DEVELOPMENT) {
            DisclosureParsed parsed = parse(name);
            var score = PdfExpectations.score(PdfExpectations.expected(name), parsed);
            System.out.println("== " + name + "  " + parsed.status() + " " + parsed.rejectionReasons());
            System.out.println("   " + score);
            score.misses.forEach(m -> System.out.println("   - " + m));
        }
    }
}
