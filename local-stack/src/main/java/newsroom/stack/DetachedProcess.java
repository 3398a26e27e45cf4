package newsroom.stack;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a server process that outlives the JVM starting it, and finds, signals and reads it again later through its
 * pid file: the test resource starts servers inside one surefire JVM and the next module's JVM reuses them.
 */
final class DetachedProcess {

    private static final boolean ROOT = currentUid() == 0;
    private static final long MAX_LOG_BYTES = 20L * 1024 * 1024;

    private DetachedProcess() {
    }

    /**
     * Starts {@code command} in a session of its own ({@code setsid}), stdin from /dev/null, stdout and stderr
     * appended to {@code log}, and records its pid. With {@code unprivileged}, a root caller runs it in a user
     * namespace as uid 65534 (Elasticsearch and PostgreSQL refuse root; the namespace keeps root's file access).
     */
    static ProcessHandle start(List<String> command, Map<String, String> env, Path workDir, Path log, Path pidFile,
            boolean unprivileged) throws IOException {
        List<String> full = new ArrayList<>();
        full.add("setsid");
        if (unprivileged && ROOT) {
            full.addAll(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534"));
        }
        full.addAll(command);
        Files.createDirectories(log.getParent());
        Files.createDirectories(pidFile.getParent());
        if (Files.isRegularFile(log) && Files.size(log) > MAX_LOG_BYTES) {
            // The dev stack appends across restarts: keep one previous generation, not an ever-growing file.
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(log, "---- " + java.time.Instant.now() + " starting: " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        // Variables of the calling JVM that would change how a child JVM runs.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(env);
        Process process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
        return process.toHandle();
    }

    /** Runs a short command to its end (storage formatting, initdb); its output goes to {@code log}. */
    static void run(List<String> command, Map<String, String> env, Path workDir, Path log, boolean unprivileged,
            Duration timeout) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (unprivileged && ROOT) {
            full.addAll(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534"));
        }
        full.addAll(command);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish in " + timeout.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
    }

    /**
     * The live process our pid file names, if its command line still contains {@code marker} (a path of this stack:
     * a pid recycled by another program after a reboot does not count).
     */
    static Optional<ProcessHandle> find(Path pidFile, String marker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> commandLine(handle).contains(marker));
    }

    /** Every live process (but this JVM) whose command line contains {@code marker}. */
    static List<ProcessHandle> findAll(String marker) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != self)
                .filter(handle -> commandLine(handle).contains(marker))
                .toList();
    }

    static String commandLine(ProcessHandle handle) {
        // /proc gives the full command line even for processes in a user namespace, where ProcessHandle.Info may not.
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return handle.info().commandLine().orElse("");
        }
    }

    /**
     * Stops a process and everything it started: {@code signal} to the process (TERM, or INT for PostgreSQL's fast
     * shutdown) and up to {@code grace} for it to exit, then TERM to whatever of its tree is left, then KILL.
     */
    static void stop(ProcessHandle process, String signal, Duration grace) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process);
        process.descendants().forEach(tree::add);
        signal(process.pid(), signal);
        awaitExit(List.of(process), grace);
        List<ProcessHandle> left = tree.stream().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroy);
        awaitExit(left, Duration.ofSeconds(5));
        left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(left, Duration.ofSeconds(5));
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && processes.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(50);
        }
    }

    private static void signal(long pid, String signal) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    /** The last {@code lines} lines of a log file, read from its end (logs can be large). */
    static String tail(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long start = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(start == 0 ? 0 : 1, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, Math.min(from, all.length), all.length));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    static boolean isRoot() {
        return ROOT;
    }

    private static long currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or unreadable: fall back to the user name
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
    }

    /** The java launcher of the running JVM: the servers run on the same JDK as the build. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String javaHome() {
        return System.getProperty("java.home");
    }
}
