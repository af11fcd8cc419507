package io.budgetlens.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints a JMH JSON result of {@link PdfBenchmark} as the README's Markdown table: per document its pages, the time
 * of {@code PdfReader.read}, of the whole parse and of the {@code PDFTextStripper} floor (ms per document ± error and
 * ms per page), and PdfReader's ratio to the floor; a second table with the CPU time per document when the run used
 * {@link CpuTimeProfiler}. Usage: {@code PdfBenchReport target/pdf-jmh.json}.
 */
public final class PdfBenchReport {

    private PdfBenchReport() {
    }

    public static void main(String[] args) throws IOException {
        Path result = Path.of(args.length > 0 ? args[0] : "target/jmh-result.json");
        JsonNode runs = new ObjectMapper().readTree(result.toFile());
        // document -> benchmark method -> {score, error}
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        String mode = null;
        for (JsonNode run : runs) {
            String benchmark = run.path("benchmark").asText();
            if (!benchmark.startsWith(PdfBenchmark.class.getName() + ".")) {
                continue;
            }
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String document = run.path("params").path("document").asText();
            JsonNode metric = run.path("primaryMetric");
            double factor = toMillis(metric.path("scoreUnit").asText());
            double error = metric.path("scoreError").asDouble(Double.NaN);
            scores.computeIfAbsent(document, d -> new LinkedHashMap<>()).put(method,
                    new double[] {metric.path("score").asDouble() * factor, error * factor});
            // The CPU time per operation that CpuTimeProfiler adds (ms/op), when the run had it.
            run.path("secondaryMetrics").properties().stream().filter(m -> m.getKey().endsWith("cpu")).findFirst()
                    .ifPresent(m -> scores.get(document).put(method + ".cpu", new double[] {
                            m.getValue().path("score").asDouble(), m.getValue().path("scoreError").asDouble(Double.NaN)}));
            mode = run.path("mode").asText();
        }
        if (scores.isEmpty()) {
            throw new IllegalStateException(result + " has no PdfBenchmark result.");
        }
        System.out.println("JMH mode " + mode + "; ms per document ± 99.9 % error, (ms per page)");
        table(scores, "");
        if (scores.values().stream().anyMatch(m -> m.containsKey("pdfReader.cpu"))) {
            System.out.println();
            System.out.println("The same run, CPU time of the JVM per document (CpuTimeProfiler), (ms per page)");
            table(scores, ".cpu");
        }
    }

    private static void table(Map<String, Map<String, double[]>> scores, String suffix) throws IOException {
        System.out.println();
        System.out.println("| document | pages | PdfReader.read | full parse | PDFTextStripper (floor) "
                + "| PdfReader / floor |");
        System.out.println("|---|---|---|---|---|---|");
        for (var e : scores.entrySet()) {
            int pages = pages(e.getKey());
            double[] reader = e.getValue().get("pdfReader" + suffix);
            double[] parse = e.getValue().get("fullParse" + suffix);
            double[] floor = e.getValue().get("textStripperFloor" + suffix);
            System.out.println("| " + e.getKey() + " | " + pages + " | " + cell(reader, pages) + " | "
                    + cell(parse, pages) + " | " + cell(floor, pages) + " | "
                    + (reader == null || floor == null ? "–" : String.format(Locale.ROOT, "%.2f×",
                    reader[0] / floor[0])) + " |");
        }
    }

    private static double toMillis(String unit) {
        return switch (unit) {
            case "s/op" -> 1000;
            case "ms/op" -> 1;
            case "us/op" -> 0.001;
            case "ns/op" -> 0.000001;
            default -> throw new IllegalStateException("unexpected JMH unit " + unit + " (run in avgt or ss mode)");
        };
    }

    private static String cell(double[] score, int pages) {
        if (score == null) {
            return "–";
        }
        String error = Double.isNaN(score[1]) ? "" : String.format(Locale.ROOT, " ± %.0f", score[1]);
        return String.format(Locale.ROOT, "%.0f%s (%.1f)", score[0], error, score[0] / pages);
    }

    private static int pages(String document) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(SharedPdfCorpus.bytes(document))) {
            return pdf.getNumberOfPages();
        }
    }
}
