package io.budgetlens.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The processes of a stack the launcher started, from its pid files ({@code $BUDGETLENS_HOME/pids/<component>.pid},
 * one per instance: {@code ingest-service.pid}, {@code ingest-service-2.pid}), and the CPU time each has used so far,
 * read from {@code /proc/<pid>/stat} (user + system time of the process and of its descendants, living or reaped:
 * PostgreSQL's server runs as children of the launcher's JVM). Linux only; elsewhere, or for the podman containers,
 * no process is found and the CPU figures are left out.
 */
final class StackProcesses {

    private final Map<String, Long> pids;
    private final long ticksPerSecond;

    private StackProcesses(Map<String, Long> pids, long ticksPerSecond) {
        this.pids = pids;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** The running components whose pid files are in {@code pidDir}, by component name in name order. */
    static StackProcesses of(Path pidDir) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (pidDir != null && Files.isDirectory(pidDir)) {
            try (Stream<Path> files = Files.list(pidDir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                    String name = f.getFileName().toString().replaceFirst("\\.pid$", "");
                    long pid = Long.parseLong(Files.readString(f).trim());
                    if (Files.exists(Path.of("/proc", Long.toString(pid), "stat"))) {
                        pids.put(name, pid);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // no CPU figures rather than no benchmark
            }
        }
        return new StackProcesses(pids, ticksPerSecond());
    }

    /**
     * Adds PostgreSQL's server (its postmaster forks the backends), which {@code pg_ctl} starts detached from the
     * launcher's JVM: its pid is the first line of {@code postmaster.pid} in the data directory.
     */
    StackProcesses withPostmaster(Path dataDir) {
        Path file = dataDir.resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(file).get(0).trim());
            if (Files.exists(Path.of("/proc", Long.toString(pid), "stat")) && !pids.containsValue(pid)) {
                pids.put("postgres-server", pid);
            }
        } catch (IOException | RuntimeException e) {
            // not running here, or not readable: no figure for it
        }
        return this;
    }

    Map<String, Long> pids() {
        return pids;
    }

    /** CPU milliseconds used so far by each component (with its descendants). */
    Map<String, Long> cpuMillis() {
        Map<Long, List<Long>> children = children();
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, ticksOfTree(pid, children) * 1000 / ticksPerSecond));
        return cpu;
    }

    /**
     * CPU milliseconds used so far by each component's JIT compiler threads (HotSpot's "C1 CompilerThread…" and
     * "C2 CompilerThread…", from {@code /proc/<pid>/task/<tid>/stat}); only components that have such threads.
     * Compiler threads that the JVM has already retired are not counted, so this is a lower bound.
     */
    Map<String, Long> compilerMillis() {
        Map<String, Long> jit = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = 0;
            boolean found = false;
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String comm;
                    try {
                        comm = Files.readString(task.resolve("comm")).trim();
                    } catch (IOException e) {
                        continue; // the thread ended
                    }
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        long[] stat = stat(task.resolve("stat"));
                        if (stat != null) {
                            ticks += stat[1] + stat[2];
                            found = true;
                        }
                    }
                }
            } catch (IOException e) {
                return; // the process is gone
            }
            if (found) {
                jit.put(name, ticks * 1000 / ticksPerSecond);
            }
        });
        return jit;
    }

    private long ticksOfTree(long pid, Map<Long, List<Long>> children) {
        long[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long ticks = stat[1] + stat[2] + stat[3] + stat[4]; // utime, stime, cutime, cstime
        for (long child : children.getOrDefault(pid, List.of())) {
            if (!pids.containsValue(child)) { // a component of its own is counted on its own
                ticks += ticksOfTree(child, children);
            }
        }
        return ticks;
    }

    /** parent pid → living child pids. */
    private static Map<Long, List<Long>> children() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(Long.parseLong(name));
                if (stat != null) {
                    children.computeIfAbsent(stat[0], k -> new ArrayList<>()).add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return children;
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null when it is gone. */
    private static long[] stat(long pid) {
        return stat(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** ppid, utime, stime, cutime, cstime from a process's or a thread's stat file, or null when it is gone. */
    private static long[] stat(Path file) {
        try {
            String stat = Files.readString(file);
            // the command name (field 2) is in parentheses and may contain spaces: fields count from after it
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** Load average over the last minute, from /proc/loadavg; -1 when unknown. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU milliseconds used by every process of the machine so far (user+nice+system+irq+softirq), from /proc/stat. */
    static long machineBusyMillis(long ticksPerSecond) {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
            return busy * 1000 / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    long ticks() {
        return ticksPerSecond;
    }
}
