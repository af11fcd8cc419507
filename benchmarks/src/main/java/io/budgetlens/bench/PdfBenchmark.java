package io.budgetlens.bench;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.ingest.decode.pdf.PdfReader;
import io.budgetlens.ingest.decode.pdf.PdfText;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.testsupport.SharedPdfs;

/**
 * Time per shared development PDF on one thread (so per core), three ways in the same run, each from the bytes (the
 * PDF is loaded every time): {@code PdfReader.read} (text in reading order, ruled tables, every character's page and
 * box), the whole {@code DisclosureParser.parse}, and the floor, PDFBox's plain {@code PDFTextStripper.getText}.
 * Run it with {@code -prof io.budgetlens.bench.CpuTimeProfiler} to get the CPU time per document beside the wall
 * clock. The setup only reads the bytes, so a single-shot run in a fresh JVM ({@code -bm ss -wi 0 -i 1}) measures the
 * cold first PDF. {@link PdfBenchReport} turns the JSON result into the README's tables (per document and per page).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class PdfBenchmark {

    static {
        // As PdfReader does, so that the floor uses the same font cache.
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", System.getProperty("java.io.tmpdir"));
        }
    }

    /** Every development PDF (SharedPdfs.DEVELOPMENT: JMH needs the names as constants). */
    @Param({SharedPdfs.JIANGSU_2019_SHENGWEIBANGONGTING_NARRATIVE, SharedPdfs.JIANGSU_2019_SHENGWEIBANGONGTING_TABLES,
            SharedPdfs.JIANGSU_2019_ZHENGXIE_NARRATIVE, SharedPdfs.JIANGSU_2019_ZHENGXIE_TABLES,
            SharedPdfs.PUTUO_2024_FINAL_SHEHUIGONGZUOBU, SharedPdfs.PUTUO_2025_BUDGET_QUFUBANGONGSHI,
            SharedPdfs.PUTUO_2025_UNIT_BUDGET_QUFUBANGONGSHI, SharedPdfs.TEMPLATE_DEPT_FINAL_ACCOUNTS})
    public String document;

    private byte[] bytes;
    private DisclosureReceived received;
    private final DisclosureParser parser = new DisclosureParser(Clock.systemUTC());

    @Setup
    public void load() {
        received = SharedPdfCorpus.received(document);
        bytes = received.content();
    }

    @Benchmark
    public PdfText pdfReader() {
        return PdfReader.read(bytes, PdfReader.Limits.DEFAULT);
    }

    @Benchmark
    public DisclosureParsed fullParse() {
        return parser.parse(received);
    }

    @Benchmark
    public String textStripperFloor() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
