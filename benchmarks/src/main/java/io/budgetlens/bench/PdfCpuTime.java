package io.budgetlens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.ingest.decode.pdf.PdfReader;
import io.budgetlens.ingest.parse.DisclosureParser;

/**
 * The same three measurements as {@link PdfBenchmark}, as CPU time of the measuring thread (median of the measured
 * rounds after warm-up rounds, interleaved per document), which a machine shared with other builds does not inflate
 * the way it inflates JMH's wall-clock time. Also the cold first PDF of this JVM (wall and CPU). Prints Markdown.
 * Usage: {@code PdfCpuTime [warmupRounds] [measuredRounds] [document…]}.
 */
public final class PdfCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static {
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", System.getProperty("java.io.tmpdir"));
        }
    }

    private PdfCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> documents = args.length > 2 ? List.of(args).subList(2, args.length) : SharedPdfCorpus.DEVELOPMENT;
        DisclosureParser parser = new DisclosureParser(Clock.systemUTC());

        DisclosureReceived first = SharedPdfCorpus.received(documents.get(0));
        long wall0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        PdfReader.read(first.content(), PdfReader.Limits.DEFAULT);
        System.out.printf(Locale.ROOT, "Cold: the first PdfReader.read in this JVM (%s): %.0f ms wall, %.0f ms CPU%n%n",
                documents.get(0), (System.nanoTime() - wall0) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6);

        System.out.println("CPU ms per document (median of " + rounds + " after " + warmup + " warm-up rounds), "
                + "(ms per page)");
        System.out.println();
        System.out.println("| document | pages | PdfReader.read | full parse | PDFTextStripper (floor) "
                + "| PdfReader / floor |");
        System.out.println("|---|---|---|---|---|---|");
        for (String name : documents) {
            DisclosureReceived received = SharedPdfCorpus.received(name);
            byte[] bytes = received.content();
            int pages;
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                pages = pdf.getNumberOfPages();
            }
            List<Callable<Object>> tasks = List.of(
                    () -> PdfReader.read(bytes, PdfReader.Limits.DEFAULT),
                    () -> parser.parse(received),
                    () -> floor(bytes));
            double[][] cpu = new double[tasks.size()][rounds];
            for (int round = 0; round < warmup + rounds; round++) {
                for (int t = 0; t < tasks.size(); t++) {
                    long start = THREADS.getCurrentThreadCpuTime();
                    Object result = tasks.get(t).call();
                    long used = THREADS.getCurrentThreadCpuTime() - start;
                    if (result == null) {
                        throw new IllegalStateException();
                    }
                    if (round >= warmup) {
                        cpu[t][round - warmup] = used / 1e6;
                    }
                }
            }
            double reader = median(cpu[0]);
            double parse = median(cpu[1]);
            double floor = median(cpu[2]);
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f (%.1f) | %.0f (%.1f) | %.0f (%.1f) | %.2f× |%n", name,
                    pages, reader, reader / pages, parse, parse / pages, floor, floor / pages, reader / floor);
        }
    }

    private static String floor(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
