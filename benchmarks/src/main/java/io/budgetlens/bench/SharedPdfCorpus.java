package io.budgetlens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Visibility;

/**
 * The shared real PDFs (shared/corpus-pdf beside the clone, found by walking up from the working directory, or
 * -Dbudgetlens.corpus-pdf=…), located the way the ingest tests' SharedPdfs does. Only the development set is
 * benchmarked: the two hold-out PDFs stay out of development.
 */
public final class SharedPdfCorpus {

    /** The development PDFs (the same list as the ingest tests' SharedPdfs.DEVELOPMENT). */
    public static final List<String> DEVELOPMENT = List.of(
            "jiangsu-2019-dept-budget-shengweibangongting-narrative",
            "jiangsu-2019-dept-budget-shengweibangongting-tables",
            "jiangsu-2019-dept-budget-zhengxie-narrative",
            "jiangsu-2019-dept-budget-zhengxie-tables",
            "shanghai-putuo-2024-dept-final-shehuigongzuobu",
            "shanghai-putuo-2025-dept-budget-qufubangongshi",
            "shanghai-putuo-2025-unit-budget-qufubangongshi",
            "template-dept-final-accounts");

    private SharedPdfCorpus() {
    }

    /** The folder; fails with the places looked at when it is not there. */
    public static Path folder() {
        String configured = System.getProperty("budgetlens.corpus-pdf");
        if (configured != null) {
            Path p = Path.of(configured);
            if (Files.isDirectory(p)) {
                return p;
            }
            throw new IllegalStateException("-Dbudgetlens.corpus-pdf=" + configured + " is not a folder.");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus-pdf");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The shared PDFs are not on this machine: no shared/corpus-pdf in "
                + Path.of("").toAbsolutePath() + " or any folder above it. Put the shared folder beside the clone or "
                + "pass -Dbudgetlens.corpus-pdf=/path/to/corpus-pdf.");
    }

    /** The bytes of a development PDF (name without ".pdf"). */
    public static byte[] bytes(String name) {
        if (!DEVELOPMENT.contains(name)) {
            throw new IllegalArgumentException(name + " is not a development PDF (the hold-out PDFs are never "
                    + "benchmarked); choose one of " + DEVELOPMENT);
        }
        Path file = folder().resolve(name + ".pdf");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The PDF as the intake hands it to the parser. */
    public static DisclosureReceived received(String name) {
        byte[] bytes = bytes(name);
        String id = DocumentIds.of(bytes);
        return new DisclosureReceived(id, "application/pdf", null, null, name + ".pdf", bytes.length, id,
                Instant.EPOCH, Visibility.PUBLIC, bytes);
    }
}
