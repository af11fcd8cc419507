package io.budgetlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import com.sun.management.OperatingSystemMXBean;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.localstack.BenchCorpus;
import io.budgetlens.validation.rules.RuleEngine;

/**
 * How long a fresh JVM takes to stop paying for its JIT compiler on the pipeline's CPU work: N distinct documents
 * ({@link BenchCorpus}, as {@code ./budgetlens bench} sends them) each written and read as the received event, parsed,
 * written and read as the parsed event, validated and written as the report — what ingest-service and
 * validation-service do per document, without Kafka — printing, per 1,000 documents, the CPU time of the whole
 * process (JIT compiler and GC threads included) beside that of the working thread. Not JMH: the warm-up is what
 * is measured. Run it with and without {@code -XX:TieredStopAtLevel=1} (C1 only) to compare:
 * <pre>java -Xmx512m -cp benchmarks/target/benchmarks.jar io.budgetlens.bench.JitWarmUp 8000 samples</pre>
 */
public final class JitWarmUp {

    private static final int REPORT_EVERY = 1000;

    private JitWarmUp() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: JitWarmUp DOCUMENTS SAMPLES_DIR");
            System.exit(2);
        }
        int documents = Integer.parseInt(args[0]);
        BenchCorpus corpus = BenchCorpus.fromDirectory(Path.of(args[1]));
        DisclosureParser parser = new DisclosureParser(Clock.systemUTC());
        RuleEngine engine = RuleEngine.standard(Clock.systemUTC());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long process = os.getProcessCpuTime();
        long thread = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < documents; i++) {
            BenchCorpus.Document d = corpus.document(i);
            String id = DocumentIds.of(d.content());
            DisclosureReceived received = new DisclosureReceived(id, d.contentType().replaceFirst(";.*", ""),
                    "UTF-8", null, d.filename(), d.content().length, id, Instant.now(), Visibility.PUBLIC,
                    d.content());
            received = EventJson.read(EventJson.write(received), DisclosureReceived.class);
            DisclosureParsed parsed = parser.parse(received);
            parsed = EventJson.read(EventJson.write(parsed), DisclosureParsed.class);
            EventJson.write(engine.validate(parsed));
            if ((i + 1) % REPORT_EVERY == 0) {
                long p = os.getProcessCpuTime();
                long t = threads.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                System.out.printf("%,7d documents: process CPU %6.2f ms/doc, working thread %6.2f ms/doc, "
                                + "wall %6.2f ms/doc, load average %.1f%n", i + 1, (p - process) / 1e6 / REPORT_EVERY,
                        (t - thread) / 1e6 / REPORT_EVERY, (w - wall) / 1e6 / REPORT_EVERY,
                        os.getSystemLoadAverage());
                process = p;
                thread = t;
                wall = w;
            }
        }
    }
}
