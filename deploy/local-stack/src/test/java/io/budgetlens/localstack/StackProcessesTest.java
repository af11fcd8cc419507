package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's CPU figures, read from /proc for the processes named by the launcher's pid files: this test's own JVM
 * stands in for a service. Linux only (skipped elsewhere, where the bench leaves the figures out).
 */
class StackProcessesTest {

    @Test
    void cpuAndJitCompilerShareOfAJavaComponent(@TempDir Path pids) throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc: the bench reads CPU there");
        Files.writeString(pids.resolve("ingest-service.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(pids.resolve("gone-service.pid"), "999999999\n");
        StackProcesses processes = StackProcesses.of(pids);

        assertThat(processes.pids()).containsOnlyKeys("ingest-service");
        long cpu = processes.cpuMillis().get("ingest-service");
        Map<String, Long> jit = processes.compilerMillis();
        // This JVM has run the test framework: its compiler threads have compiled something, within its CPU.
        assertThat(jit).containsOnlyKeys("ingest-service");
        assertThat(jit.get("ingest-service")).isBetween(0L, cpu + 100);
    }

    @Test
    void jitShareAddedToTheRowsOfJavaComponentsOnly() {
        Map<String, Map<String, Object>> cpu = new LinkedHashMap<>();
        cpu.put("ingest-service", new LinkedHashMap<>(Map.of("cpuMs", 2000L)));
        cpu.put("postgres-server", new LinkedHashMap<>(Map.of("cpuMs", 1000L)));

        BenchCommand.addCompilers(cpu, Map.of("ingest-service", 500L), Map.of("ingest-service", 1300L));

        assertThat(cpu.get("ingest-service")).containsEntry("jitMs", 800L).containsEntry("jitShare", 0.4);
        assertThat(cpu.get("postgres-server")).doesNotContainKeys("jitMs", "jitShare");
    }
}
