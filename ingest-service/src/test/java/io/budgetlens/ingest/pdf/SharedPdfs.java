package io.budgetlens.ingest.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared real PDFs (`shared/corpus-pdf` beside the clone, never copied into the repository; override with
 * -Dbudgetlens.corpus-pdf=…) and the values read from them by hand (src/test/resources/corpus-pdf/expected).
 */
public final class SharedPdfs {

    /** The development set; the two kept back from development are in {@link #HOLDOUT}. */
    public static final List<String> DEVELOPMENT = List.of(
            "jiangsu-2019-dept-budget-shengweibangongting-narrative",
            "jiangsu-2019-dept-budget-shengweibangongting-tables",
            "jiangsu-2019-dept-budget-zhengxie-narrative",
            "jiangsu-2019-dept-budget-zhengxie-tables",
            "shanghai-putuo-2024-dept-final-shehuigongzuobu",
            "shanghai-putuo-2025-dept-budget-qufubangongshi",
            "shanghai-putuo-2025-unit-budget-qufubangongshi",
            "template-dept-final-accounts");
    public static final List<String> HOLDOUT = List.of(
            "jiangsu-2018-dept-budget-zhengxie",
            "shanghai-putuo-2026-dept-budget-sifaju");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedPdfs() {
    }

    /** The folder, or null when it is not there (tests then skip with a message). */
    public static Path folder() {
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

    public static String missingMessage() {
        return "The shared PDFs (shared/corpus-pdf beside the repository, or -Dbudgetlens.corpus-pdf) are not on this "
                + "machine: the tests on real PDFs are skipped.";
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(folder().resolve(name + ".pdf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected values of a shared PDF ("expected" or "holdout" folder). */
    public static JsonNode expected(String name) {
        String folder = HOLDOUT.contains(name) ? "holdout" : "expected";
        try (InputStream in = SharedPdfs.class.getResourceAsStream("/corpus-pdf/" + folder + "/" + name + ".json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
