package io.budgetlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that adds the CPU time of the benchmark JVM per operation ({@code ·cpu}, ms/op, garbage collection
 * and JIT compilation included) and of its Java threads alone ({@code ·cpu.java}, ms/op: the benchmark's own work,
 * without the GC and JIT compiler threads) beside JMH's wall-clock score. On a machine other builds share, the wall
 * clock counts the time the benchmark thread waited for a core; the CPU times do not. Use with
 * {@code -prof io.budgetlens.bench.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long start;
    private long javaStart;

    @Override
    public String getDescription() {
        return "CPU time of the JVM per operation (GC included), ms/op";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = OS.getProcessCpuTime();
        javaStart = javaThreadsCpuTime();
    }

    /** CPU time of the live Java threads (HotSpot hides its compiler threads here; GC threads are not Java threads). */
    private static long javaThreadsCpuTime() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long used = OS.getProcessCpuTime() - start;
        long java = javaThreadsCpuTime() - javaStart;
        long ops = Math.max(1, result.getMetadata().getMeasuredOps());
        return List.of(new ScalarResult("cpu", used / 1e6 / ops, "ms/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.java", java / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
    }
}
