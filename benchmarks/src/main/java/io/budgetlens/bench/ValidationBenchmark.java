package io.budgetlens.bench;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

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
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.validation.rules.RuleEngine;

/** Documents per second per core for the rule engine on each parsed corpus document (parsing is not measured). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ValidationBenchmark {

    @Param({"banan-2024-budget.md", "jiangjin-2024-final-accounts.txt", "qianjiang-2024-budget.txt",
            "rongchang-2025-unit-budget.txt", "wulong-2020-final-accounts.txt"})
    public String document;

    private DisclosureParsed parsed;
    private final RuleEngine engine = RuleEngine.standard(Clock.systemUTC());

    @Setup
    public void parse() {
        parsed = new DisclosureParser(Clock.systemUTC()).parse(Corpus.received(document));
    }

    @Benchmark
    public DisclosureValidated validate() {
        return engine.validate(parsed);
    }
}
