package io.budgetlens.bench;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;
import io.budgetlens.ingest.parse.DisclosureParser;

/** Contract serde cost: writing and reading the parsed event of the largest corpus document (Wulong). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EventJsonBenchmark {

    private DisclosureParsed parsed;
    private byte[] json;

    @Setup
    public void prepare() {
        parsed = new DisclosureParser(Clock.systemUTC()).parse(Corpus.received("wulong-2020-final-accounts.txt"));
        json = EventJson.write(parsed);
    }

    @Benchmark
    public byte[] writeParsed() {
        return EventJson.write(parsed);
    }

    @Benchmark
    public DisclosureParsed readParsed() {
        return EventJson.read(json, DisclosureParsed.class);
    }
}
