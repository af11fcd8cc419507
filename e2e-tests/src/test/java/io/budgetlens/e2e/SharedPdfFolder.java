package io.budgetlens.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared real PDFs: {@code shared/corpus-pdf} beside the clone (or {@code -Dbudgetlens.corpus-pdf=…}), read in
 * place and never copied into the repository. Tests that need them skip with {@link #MISSING} when absent.
 */
final class SharedPdfFolder {

    static final String MISSING = "The shared PDFs (shared/corpus-pdf beside the repository, or "
            + "-Dbudgetlens.corpus-pdf) are not on this machine: the end-to-end tests on real PDFs are skipped.";

    private SharedPdfFolder() {
    }

    /** The folder, or null when it is not there. */
    static Path find() {
        String configured = System.getProperty("budgetlens.corpus-pdf");
        if (configured != null) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? p : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus-pdf");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
