package io.budgetlens.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import io.budgetlens.ingest.parse.DisclosureParser;

/**
 * Documents per second per core for the parser core on each corpus document, beside two floors on the same text: a
 * bare {@code Jsoup.parse}, and one pass of a precompiled amount regex (the classifier's, counting its matches).
 * Single-threaded, so the score is per core; add {@code -prof io.budgetlens.bench.CpuTimeProfiler} for CPU time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ParserBenchmark {

    @Param({"banan-2024-budget.md", "jiangjin-2024-final-accounts.txt", "qianjiang-2024-budget.txt",
            "rongchang-2025-unit-budget.txt", "wulong-2020-final-accounts.txt"})
    public String document;

    /** The amount pattern of {@code DisclosureClassifier} and {@code DocumentShape}. */
    private static final Pattern AMOUNT = Pattern.compile("\\d[\\d,]*(\\.\\d+)?\\s*万?元");

    private DisclosureReceived received;
    private String text;
    private final DisclosureParser parser = new DisclosureParser(Clock.systemUTC());

    @Setup
    public void load() {
        received = Corpus.received(document);
        text = new String(received.content(), StandardCharsets.UTF_8);
    }

    @Benchmark
    public DisclosureParsed parse() {
        return parser.parse(received);
    }

    @Benchmark
    public Document jsoupFloor() {
        return Jsoup.parse(text);
    }

    @Benchmark
    public int amountRegexFloor() {
        int found = 0;
        for (Matcher m = AMOUNT.matcher(text); m.find(); ) {
            found++;
        }
        return found;
    }
}
