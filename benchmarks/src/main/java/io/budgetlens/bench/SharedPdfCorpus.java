package io.budgetlens.bench;

import java.time.Instant;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Visibility;
import io.budgetlens.testsupport.SharedPdfs;

/**
 * The shared real PDFs the benchmarks read, found by test-support's {@link SharedPdfs} (shared/corpus-pdf beside the
 * clone, or -Dbudgetlens.corpus-pdf=…). Only the development set is benchmarked: the two hold-out PDFs stay out of
 * development.
 */
public final class SharedPdfCorpus {

    private SharedPdfCorpus() {
    }

    /** The bytes of a development PDF (name without ".pdf"); fails with the places looked at when they are absent. */
    public static byte[] bytes(String name) {
        if (!SharedPdfs.DEVELOPMENT.contains(name)) {
            throw new IllegalArgumentException(name + " is not a development PDF (the hold-out PDFs are never "
                    + "benchmarked); choose one of " + SharedPdfs.DEVELOPMENT);
        }
        return SharedPdfs.bytes(name);
    }

    /** The PDF as the intake hands it to the parser. */
    public static DisclosureReceived received(String name) {
        byte[] bytes = bytes(name);
        String id = DocumentIds.of(bytes);
        return new DisclosureReceived(id, "application/pdf", null, null, name + ".pdf", bytes.length, id,
                Instant.EPOCH, Visibility.PUBLIC, bytes);
    }
}
