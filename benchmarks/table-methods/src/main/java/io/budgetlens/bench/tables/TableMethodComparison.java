package io.budgetlens.bench.tables;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.decode.TextTable;
import io.budgetlens.ingest.parse.TableReader;
import io.budgetlens.ingest.pdf.PdfExpectations;
import io.budgetlens.testsupport.SharedPdfs;

/**
 * Compares table methods on the development PDFs of shared/corpus-pdf (never the hold-out ones): each method's tables
 * go through the parser's own TableReader (title, label and unit from the lines above, header, type) and are scored
 * with the acceptance test's rules (PdfExpectations: each standard table found on its pages, typed with its unit and
 * label, the hand-read cells right). Each method is also timed per document: the median CPU time of this thread over
 * the measured rounds after warm-up rounds (CPU time, because the machine is shared with other builds), and the median
 * wall time. Prints Markdown. Arguments: {@code [warmupRounds] [measuredRounds] [misses]}; {@code misses} also lists
 * every miss.
 */
public final class TableMethodComparison {

    static final String PDFBOX3 = "table-methods.pdfbox3";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> CATEGORIES = List.of("tables found", "tables typed", "cells");
    /** Held, so that their levels stay set. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");
    private static final Logger FONTBOX_LOG = Logger.getLogger("org.apache.fontbox");

    private TableMethodComparison() {
    }

    /** Score and time of one method on one document. */
    record Result(PdfExpectations.Score score, double cpuMs, double wallMs, int tables) {
    }

    public static void main(String[] args) throws Exception {
        List<String> numbers = Arrays.stream(args).filter(a -> a.matches("\\d+")).toList();
        int warmup = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 2;
        int rounds = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 5;
        boolean misses = Arrays.asList(args).contains("misses");
        Path folder = SharedPdfs.folder();
        if (folder == null) {
            throw new IllegalStateException(SharedPdfs.missingMessage("the table-method comparison cannot run"));
        }
        // PDFBox's notes on substituted fonts are not part of the comparison.
        PDFBOX_LOG.setLevel(Level.SEVERE);
        FONTBOX_LOG.setLevel(Level.SEVERE);

        List<TableMethod> methods = List.of(
                new PdfReaderMethod(PdfReaderMethod.folder(PDFBOX3)),
                new TabulaMethod(TabulaMethod.Algorithm.LATTICE),
                new TabulaMethod(TabulaMethod.Algorithm.STREAM));
        Map<TableMethod, Map<String, Result>> results = new LinkedHashMap<>();
        for (TableMethod method : methods) {
            // Each PDFBox keeps its font cache in its own folder under target/ (their formats differ), read when it
            // first maps a font: PdfReader's PDFBox 3 runs first, tabula's PDFBox 2 after it.
            Path cache = Files.createDirectories(Path.of("target", "fontcache-" + method.pdfbox()));
            System.setProperty("pdfbox.fontcache", cache.toAbsolutePath().toString());
            Map<String, Result> perDocument = new LinkedHashMap<>();
            for (String name : SharedPdfs.DEVELOPMENT) {
                perDocument.put(name, run(method, name, SharedPdfs.bytes(name), warmup, rounds));
            }
            results.put(method, perDocument);
        }
        print(results, warmup, rounds, misses);
    }

    static Result run(TableMethod method, String name, byte[] pdf, int warmup, int rounds) throws Exception {
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        Extraction extraction = null;
        for (int round = 0; round < warmup + rounds; round++) {
            long wall0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            extraction = method.extract(pdf);
            long cpuUsed = THREADS.getCurrentThreadCpuTime() - cpu0;
            long wallUsed = System.nanoTime() - wall0;
            if (round >= warmup) {
                cpu[round - warmup] = cpuUsed / 1e6;
                wall[round - warmup] = wallUsed / 1e6;
            }
        }
        List<DisclosureTable> tables = tables(extraction.normalised());
        DisclosureParsed parsed = new DisclosureParsed(name, ParseStatus.PARSED, "table-methods", Instant.EPOCH,
                Visibility.PUBLIC, "application/pdf", null, List.of(), DisclosureMeta.empty(),
                extraction.normalised().text(), List.of(), List.of(), tables, Map.of(), List.of(), List.of());
        return new Result(PdfExpectations.score(PdfExpectations.expected(name), parsed), median(cpu), median(wall),
                tables.size());
    }

    /** The parser's TableReader on the method's text and grids; each table gets the pages its rows are on. */
    static List<DisclosureTable> tables(Extraction extraction) {
        if (extraction.tables().isEmpty()) {
            return List.of();
        }
        List<DisclosureTable> read = TableReader.read(extraction.text(), extraction.tables()).tables();
        List<DisclosureTable> placed = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            DisclosureTable t = read.get(i);
            TextTable grid = extraction.tables().get(i);
            placed.add(new DisclosureTable(t.id(), t.type(), t.title(), t.unit(), t.columns(), t.rows(),
                    t.emptyExplanation(), t.start(), t.end(), grid.pages(), t.label()));
        }
        return placed;
    }

    private static void print(Map<TableMethod, Map<String, Result>> results, int warmup, int rounds,
                              boolean misses) {
        System.out.println("## Table methods on the " + SharedPdfs.DEVELOPMENT.size() + " development PDFs ("
                + LocalDate.now() + ", " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.println();
        System.out.println("Scored with the acceptance test's rules (PdfExpectations). Time: per document, loading "
                + "included, median of " + rounds + " rounds after " + warmup + " warm-up rounds; CPU time of the "
                + "thread, wall time in brackets.");
        System.out.println();
        System.out.println("| method | tables found (on their pages) | tables typed (type, unit, label) "
                + "| hand-read cells right | tables returned | CPU ms per document (wall) |");
        System.out.println("|---|---|---|---|---|---|");
        for (var e : results.entrySet()) {
            int[][] sums = new int[CATEGORIES.size()][2];
            double cpu = 0;
            double wall = 0;
            int tables = 0;
            for (Result r : e.getValue().values()) {
                for (int c = 0; c < CATEGORIES.size(); c++) {
                    sums[c][0] += r.score().right(CATEGORIES.get(c));
                    sums[c][1] += r.score().checked(CATEGORIES.get(c));
                }
                cpu += r.cpuMs();
                wall += r.wallMs();
                tables += r.tables();
            }
            int n = e.getValue().size();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %.0f (%.0f) |%n", e.getKey().name(),
                    ratio(sums[0]), ratio(sums[1]), ratio(sums[2]), tables, cpu / n, wall / n);
        }
        System.out.println();
        System.out.println("Per document: tables found / typed / cells right, CPU ms per document.");
        System.out.println();
        StringBuilder header = new StringBuilder("| document |");
        StringBuilder rule = new StringBuilder("|---|");
        for (TableMethod m : results.keySet()) {
            header.append(' ').append(m.name().replaceAll(" \\(.*", "")).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (String name : SharedPdfs.DEVELOPMENT) {
            StringBuilder line = new StringBuilder("| " + name + " |");
            for (Map<String, Result> perDocument : results.values()) {
                Result r = perDocument.get(name);
                line.append(String.format(Locale.ROOT, " %s · %s · %s · %.0f ms |",
                        ratio(r.score(), "tables found"), ratio(r.score(), "tables typed"), ratio(r.score(), "cells"),
                        r.cpuMs()));
            }
            System.out.println(line);
        }
        if (misses) {
            for (var e : results.entrySet()) {
                System.out.println();
                System.out.println("### Misses of " + e.getKey().name());
                e.getValue().forEach((name, r) -> r.score().misses.stream()
                        .filter(m -> CATEGORIES.stream().anyMatch(m::startsWith))
                        .forEach(m -> System.out.println("- " + name + ": " + m)));
            }
        }
    }

    private static String ratio(int[] rightChecked) {
        return rightChecked[1] == 0 ? "–" : rightChecked[0] + " / " + rightChecked[1];
    }

    private static String ratio(PdfExpectations.Score score, String category) {
        return ratio(new int[] {score.right(category), score.checked(category)});
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
