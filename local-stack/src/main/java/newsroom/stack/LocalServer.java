package newsroom.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the three servers share: reuse a live one of ours, refuse a port someone else holds, start detached, wait for
 * readiness (failing with the tail of the log), stop the whole process tree, report status. Each subclass only says
 * how to prepare its directory, how to start, and how to tell it answers.
 */
abstract class LocalServer {

    private static final int LOG_TAIL_LINES = 30;

    protected final StackConfig config;

    protected LocalServer(StackConfig config) {
        this.config = config;
    }

    /** Short name: kafka, elasticsearch, postgres (pid and log file names). */
    abstract String name();

    /** The port clients use. */
    abstract int port();

    /** Every port the server binds (checked free before a start). */
    abstract List<Integer> ports();

    /** How to change the ports when one is taken. */
    abstract String portSettings();

    /** Writes the server's config and formats its storage when new (the directory exists, possibly just wiped). */
    abstract void prepare() throws IOException, InterruptedException;

    abstract List<String> command();

    Map<String, String> environment() {
        return Map.of();
    }

    /** Elasticsearch and PostgreSQL refuse to run as root. */
    boolean unprivileged() {
        return false;
    }

    /** The signal that asks the server for a quick clean shutdown. */
    String stopSignal() {
        return "TERM";
    }

    /** True when the server accepts and serves requests; never throws, returns quickly. */
    abstract boolean answers();

    /**
     * True when a server that was ready before still serves requests. Laxer than {@link #answers()} where one
     * client's data could make the strict probe fail for everyone (an Elasticsearch index left red).
     */
    boolean serves() {
        return answers();
    }

    /** Work to do once ready (e.g. create the database). */
    void afterReady() throws Exception {
    }

    Path dir() {
        return config.baseDir().resolve(name());
    }

    Path dataDir() {
        return dir().resolve("data");
    }

    Path log() {
        return config.logsDir().resolve(name() + ".log");
    }

    Path pidFile() {
        return config.pidsDir().resolve(name() + ".pid");
    }

    /** A string that the command line of our process contains, and no other stack's does. */
    String marker() {
        return dir().toString();
    }

    Optional<ProcessHandle> process() {
        return DetachedProcess.find(pidFile(), marker());
    }

    /** Fails clearly when a port this server needs is held by a program that is not our server. */
    void checkPortsFree() {
        for (int port : ports()) {
            if (!portFree(port)) {
                String owner = PortOwner.describe(port).map(o -> " [" + o + "]").orElse("");
                String otherStack = owner.contains("/.newsroom/")
                        ? " It looks like a local stack started from another directory: stop it with its own"
                                + " `down` command (or kill that pid)."
                        : "";
                throw new StackException(name() + ": port " + port + " is already taken by another program (not by this "
                        + config.name() + " stack)" + owner + "." + otherStack + " Stop that program, or choose other"
                        + " ports with " + portSettings());
            }
        }
    }

    /** Starts the server detached, after wiping its old data when the stack wants fresh servers. */
    ProcessHandle start(Consumer<String> out) throws IOException, InterruptedException {
        return start(out, config.wipeOnFreshStart());
    }

    /** Starts the server detached; {@code wipe}: remove its old data first. */
    ProcessHandle start(Consumer<String> out, boolean wipe) throws IOException, InterruptedException {
        Files.deleteIfExists(pidFile());
        if (wipe) {
            // A test stack starts empty whenever a server of it starts from scratch.
            deleteTree(dir());
        }
        Files.createDirectories(dir());
        prepare();
        ProcessHandle started = DetachedProcess.start(command(), environment(), dir(), log(), pidFile(), unprivileged());
        out.accept(name() + ": started pid " + started.pid() + " on port " + port() + " (log " + log() + ")");
        return started;
    }

    /** Waits until the server answers; a process that dies or a timeout gives the tail of its log. */
    void awaitReady(ProcessHandle process, long deadlineNanos) throws Exception {
        while (!answers()) {
            if (!process.isAlive()) {
                throw failure("exited during start");
            }
            if (System.nanoTime() > deadlineNanos) {
                throw failure("not ready after " + config.startTimeout().toSeconds() + " s (pid " + process.pid()
                        + " still running; stop it with: down --name " + config.name() + ")");
            }
            Thread.sleep(200);
        }
        afterReady();
    }

    /** Waits for a reused server that is alive but does not answer yet (another JVM may be starting it). */
    void awaitReused(long deadlineNanos) throws Exception {
        Optional<ProcessHandle> ours = process();
        if (ours.isEmpty()) {
            throw failure("our process is gone");
        }
        if (!serves()) {
            awaitReady(ours.get(), deadlineNanos);
        } else {
            afterReady();
        }
    }

    StackException failure(String what) {
        String tail = DetachedProcess.tail(log(), LOG_TAIL_LINES);
        String hint = unprivileged() && DetachedProcess.isRoot() && tail.contains("unshare")
                ? "\n(as root it runs through `unshare --user --map-user=65534`: this machine must allow user"
                        + " namespaces, or run the build as a non-root user)"
                : "";
        return new StackException(name() + " " + what + "; last lines of " + log() + ":\n" + tail + hint);
    }

    /** Stops our process tree; returns true if there was one. */
    boolean stop(Consumer<String> out) throws IOException, InterruptedException {
        Optional<ProcessHandle> ours = process();
        if (ours.isPresent()) {
            DetachedProcess.stop(ours.get(), stopSignal(), Duration.ofSeconds(30));
            out.accept(name() + ": stopped pid " + ours.get().pid());
        }
        Files.deleteIfExists(pidFile());
        // Leftovers whose parent died without them (e.g. Elasticsearch's server JVM after its launcher was killed):
        // every process of this server names a path inside its directory.
        List<ProcessHandle> leftovers = DetachedProcess.findAll(dir() + "/");
        for (ProcessHandle leftover : leftovers) {
            DetachedProcess.stop(leftover, stopSignal(), Duration.ofSeconds(30));
            out.accept(name() + ": stopped leftover pid " + leftover.pid());
        }
        return ours.isPresent() || !leftovers.isEmpty();
    }

    ServerStatus status() {
        Optional<ProcessHandle> ours = process();
        ServerStatus.State state = ours.isEmpty() ? ServerStatus.State.STOPPED
                : serves() ? ServerStatus.State.RUNNING : ServerStatus.State.NOT_ANSWERING;
        return new ServerStatus(name(), state, port(), ours.map(ProcessHandle::pid).orElse(0L), dataDir(), log());
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            return false;
        }
        // A server bound to another address (0.0.0.0, ::) may still answer on loopback.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static List<String> splitOptions(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path require(Path path, StackConfig config) {
        if (!Files.exists(path)) {
            throw new StackException("missing " + path + ": run ./mvnw -pl local-stack package first (from "
                    + config.root() + ")");
        }
        return path;
    }
}
