package io.budgetlens.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared real PDFs: {@code shared/corpus-pdf} beside the clone (found by walking up from the working directory) or
 * {@code -Dbudgetlens.corpus-pdf=…}, read in place and never copied into the repository. The one lookup of the
 * ingest, mutation and end-to-end tests and of the benchmarks: tests skip with {@link #missingMessage(String)} when
 * the folder is not on the machine, the benchmarks fail with {@link #require()}'s message.
 */
public final class SharedPdfs {

    /** The system property that names the folder. */
    public static final String PROPERTY = "budgetlens.corpus-pdf";

    // The development PDFs by name (file name without ".pdf"); constants so that JMH's @Param can list them too.
    public static final String JIANGSU_2019_SHENGWEIBANGONGTING_NARRATIVE =
            "jiangsu-2019-dept-budget-shengweibangongting-narrative";
    public static final String JIANGSU_2019_SHENGWEIBANGONGTING_TABLES =
            "jiangsu-2019-dept-budget-shengweibangongting-tables";
    public static final String JIANGSU_2019_ZHENGXIE_NARRATIVE = "jiangsu-2019-dept-budget-zhengxie-narrative";
    public static final String JIANGSU_2019_ZHENGXIE_TABLES = "jiangsu-2019-dept-budget-zhengxie-tables";
    public static final String PUTUO_2024_FINAL_SHEHUIGONGZUOBU = "shanghai-putuo-2024-dept-final-shehuigongzuobu";
    public static final String PUTUO_2025_BUDGET_QUFUBANGONGSHI = "shanghai-putuo-2025-dept-budget-qufubangongshi";
    public static final String PUTUO_2025_UNIT_BUDGET_QUFUBANGONGSHI = "shanghai-putuo-2025-unit-budget-qufubangongshi";
    public static final String TEMPLATE_DEPT_FINAL_ACCOUNTS = "template-dept-final-accounts";

    /** The development set; the two kept back from development are in {@link #HOLDOUT}. */
    public static final List<String> DEVELOPMENT = List.of(
            JIANGSU_2019_SHENGWEIBANGONGTING_NARRATIVE, JIANGSU_2019_SHENGWEIBANGONGTING_TABLES,
            JIANGSU_2019_ZHENGXIE_NARRATIVE, JIANGSU_2019_ZHENGXIE_TABLES,
            PUTUO_2024_FINAL_SHEHUIGONGZUOBU, PUTUO_2025_BUDGET_QUFUBANGONGSHI, PUTUO_2025_UNIT_BUDGET_QUFUBANGONGSHI,
            TEMPLATE_DEPT_FINAL_ACCOUNTS);
    public static final List<String> HOLDOUT = List.of(
            "jiangsu-2018-dept-budget-zhengxie",
            "shanghai-putuo-2026-dept-budget-sifaju");

    private static final String WHERE = "shared/corpus-pdf";

    private SharedPdfs() {
    }

    /** The folder, or null when it is not there (a configured path that is not a folder counts as not there). */
    public static Path folder() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? p : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(WHERE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The folder; fails with the places looked at when it is not there. */
    public static Path require() {
        Path folder = folder();
        if (folder != null) {
            return folder;
        }
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " is not a folder.");
        }
        throw new IllegalStateException("The shared PDFs are not on this machine: no " + WHERE + " in "
                + Path.of("").toAbsolutePath() + " or any folder above it. Put the shared folder beside the clone or "
                + "pass -D" + PROPERTY + "=/path/to/corpus-pdf.");
    }

    /** Why the tests on real PDFs are skipped: {@link #missingMessage(String)} for the ingest tests. */
    public static String missingMessage() {
        return missingMessage("the tests on real PDFs are skipped");
    }

    /** The folder is not on this machine, and what follows from it ("the end-to-end tests on real PDFs are skipped"). */
    public static String missingMessage(String consequence) {
        return "The shared PDFs (" + WHERE + " beside the repository, or -D" + PROPERTY + ") are not on this machine: "
                + consequence + ".";
    }

    /** The bytes of a shared PDF (name without ".pdf"); fails as {@link #require()} when the folder is not there. */
    public static byte[] bytes(String name) {
        Path file = require().resolve(name + ".pdf");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
