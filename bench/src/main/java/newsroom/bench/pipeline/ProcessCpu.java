package newsroom.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of named groups of processes, from {@code /proc}: a group is every process whose command line a rule
 * accepts, plus all their descendants (PostgreSQL's backends, Elasticsearch's server JVM under its launcher). Each
 * process counts {@code utime + stime + cutime + cstime} (fields 14–17 of {@code /proc/<pid>/stat}), so the CPU of a
 * child that ended between two samples is still counted, through the parent that reaped it.
 */
public final class ProcessCpu {

    /** A group's name and the rule its root processes' command lines (NULs as spaces) must satisfy. */
    public record Group(String name, Predicate<String> commandLine) {
    }

    /** One sample: clock ticks per group, and the processes each group had. */
    public record Sample(Map<String, Long> ticks, Map<String, Integer> processes) {
    }

    private final Path proc;
    private final List<Group> groups;

    public ProcessCpu(Path proc, List<Group> groups) {
        this.proc = proc;
        this.groups = List.copyOf(groups);
    }

    public Sample sample() throws IOException {
        Map<Long, Stat> all = new HashMap<>();
        Map<Long, String> commandLines = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    Stat stat = Stat.parse(Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8));
                    all.put(stat.pid(), stat);
                    commandLines.put(stat.pid(), new String(Files.readAllBytes(dir.resolve("cmdline")),
                            StandardCharsets.UTF_8).replace('\0', ' '));
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked: its CPU is counted by its parent from now on
                }
            }
        }
        Map<Long, List<Long>> children = new HashMap<>();
        for (Stat s : all.values()) {
            children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid());
        }
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Integer> processes = new LinkedHashMap<>();
        for (Group group : groups) {
            Set<Long> members = new HashSet<>();
            for (Map.Entry<Long, String> e : commandLines.entrySet()) {
                if (group.commandLine().test(e.getValue())) {
                    addTree(e.getKey(), children, members);
                }
            }
            ticks.put(group.name(), members.stream().mapToLong(pid -> all.get(pid).ticks()).sum());
            processes.put(group.name(), members.size());
        }
        return new Sample(ticks, processes);
    }

    private static void addTree(long pid, Map<Long, List<Long>> children, Set<Long> members) {
        if (members.add(pid)) {
            for (long child : children.getOrDefault(pid, List.of())) {
                addTree(child, children, members);
            }
        }
    }

    /** The fields of {@code /proc/<pid>/stat} used here. */
    record Stat(long pid, long ppid, long ticks) {

        /** The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'. */
        static Stat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            long pid = Long.parseLong(line.substring(0, open).strip());
            String[] rest = line.substring(close + 2).strip().split(" ");
            // rest[0] is field 3 (state): field n is rest[n - 3]
            long ppid = Long.parseLong(rest[1]);
            long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]) + Long.parseLong(rest[13])
                    + Long.parseLong(rest[14]);
            return new Stat(pid, ppid, ticks);
        }
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}); 100 when it cannot be asked. */
    public static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** The load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), or "unknown". */
    public static String loadAverage(Path proc) {
        try {
            String[] f = Files.readString(proc.resolve("loadavg")).strip().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Prints each group's CPU between the samples: seconds, ms per article and share of a core. */
    public static void print(Sample before, Sample after, long hz, long articles, double seconds) {
        System.out.printf("CPU per article (/proc utime+stime+cutime+cstime, %d ticks/s, over %d articles, %.1f s):%n",
                hz, articles, seconds);
        System.out.printf("  %-16s %9s %10s %14s %12s%n", "process", "processes", "CPU s", "CPU ms/article",
                "% of a core");
        double total = 0;
        for (Map.Entry<String, Long> e : after.ticks().entrySet()) {
            int processes = after.processes().get(e.getKey());
            double cpuSeconds = (e.getValue() - before.ticks().getOrDefault(e.getKey(), 0L)) / (double) hz;
            total += cpuSeconds;
            System.out.printf("  %-16s %9s %10.1f %14.1f %12.0f%n", e.getKey(),
                    processes == 0 ? "not found" : Integer.toString(processes), cpuSeconds,
                    cpuSeconds * 1000 / articles, 100 * cpuSeconds / seconds);
        }
        System.out.printf("  %-16s %9s %10.1f %14.1f %12.0f%n", "all", "", total, total * 1000 / articles,
                100 * total / seconds);
    }
}
