package newsroom.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Real Kafka, Elasticsearch and PostgreSQL on this machine, without Docker. Every operation runs under an exclusive
 * lock on {@code <dir>/stack.lock}, so several test JVMs, helpers and the launcher can call it at once.
 */
public final class LocalStack {

    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> JVM_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final StackConfig config;
    private final Consumer<String> out;
    private final List<LocalServer> servers;

    public LocalStack(StackConfig config, Consumer<String> out) {
        this.config = config;
        this.out = out;
        List<LocalServer> all = new ArrayList<>(KafkaServer.of(config));
        all.add(new ElasticsearchServer(config));
        all.add(new PostgresServer(config));
        this.servers = List.copyOf(all);
    }

    /** Reuses or starts the stack; progress lines go to standard output. */
    public static RunningStack ensureRunning(StackConfig config) {
        return new LocalStack(config, line -> System.out.println("[local-stack " + config.name() + "] " + line))
                .ensureRunning();
    }

    public StackConfig config() {
        return config;
    }

    /**
     * For each server: reuse ours if alive (waiting for it if it is still starting), fail clearly if its port is taken
     * by another program, else start it. The servers start in parallel; returns once all three answer.
     */
    public RunningStack ensureRunning() {
        long started = System.nanoTime();
        long deadline = started + config.startTimeout().toNanos();
        withLock(() -> {
            List<Optional<ProcessHandle>> reused = new ArrayList<>();
            for (LocalServer server : servers) {
                Optional<ProcessHandle> ours = server.process();
                reused.add(ours);
                if (ours.isPresent()) {
                    out.accept(server.name() + ": reusing pid " + ours.get().pid() + " on port " + server.port());
                } else {
                    // Before starting anything: a taken port must not leave half a stack behind.
                    server.checkPortsFree();
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(servers.size(), runnable -> {
                Thread thread = new Thread(runnable, "local-stack-readiness");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<Void>> ready = new ArrayList<>();
                for (int i = 0; i < servers.size(); i++) {
                    LocalServer server = servers.get(i);
                    boolean reuse = reused.get(i).isPresent();
                    // Prepared and started in parallel: formatting Kafka and initdb take seconds each.
                    ready.add(pool.submit(() -> {
                        if (!reuse) {
                            server.awaitReady(server.start(out), deadline);
                            out.accept(String.format("%s: ready after %.1f s", server.name(),
                                    (System.nanoTime() - started) / 1e9));
                        } else {
                            server.awaitReused(deadline);
                        }
                        return null;
                    }));
                }
                List<String> failures = new ArrayList<>();
                for (Future<Void> future : ready) {
                    try {
                        future.get();
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        failures.add(cause instanceof StackException ? cause.getMessage() : String.valueOf(cause));
                    }
                }
                if (!failures.isEmpty()) {
                    throw new StackException("the " + config.name() + " stack did not start:\n"
                            + String.join("\n\n", failures));
                }
            } finally {
                pool.shutdownNow();
            }
            return null;
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.accept(String.format("ready in %.1f s: Kafka %s, Elasticsearch %s, PostgreSQL %s", millis / 1000.0,
                config.running().kafkaBootstrap(), config.running().elasticsearchUrl(), config.running().jdbcUrl()));
        return config.running();
    }

    /** Stops the servers our pid files name (whole process trees). Returns how many were running. */
    public int stop() {
        return withLock(() -> {
            int stopped = 0;
            // Reverse order: the databases last, after whatever might still write to them.
            List<LocalServer> reversed = new ArrayList<>(servers);
            java.util.Collections.reverse(reversed);
            // Kafka nodes of another shape (kafka.brokers changed since up) would otherwise run on unnoticed.
            reversed.addAll(KafkaServer.otherShapes(config));
            for (LocalServer server : reversed) {
                if (server.stop(out)) {
                    stopped++;
                }
            }
            if (stopped == 0) {
                out.accept("nothing of the " + config.name() + " stack was running");
            }
            return stopped;
        });
    }

    /**
     * Stops one server (kafka, or kafka-1..kafka-n in a cluster; elasticsearch; postgres), keeping its data; {@link #startServer(String)} starts it
     * again on the same ports with that data (a test stack's {@link #ensureRunning()} would wipe it). For outage
     * tests. Returns whether it was running.
     */
    public boolean stopServer(String name) {
        return withLock(() -> {
            for (LocalServer server : servers) {
                if (server.name().equals(name)) {
                    return server.stop(out);
                }
            }
            throw new IllegalArgumentException("no server named " + name + " (" + names() + ")");
        });
    }

    /** Starts one stopped server again, keeping its data, and waits until it answers. For outage tests. */
    public void startServer(String name) {
        withLock(() -> {
            for (LocalServer server : servers) {
                if (server.name().equals(name)) {
                    if (server.process().isEmpty()) {
                        server.checkPortsFree();
                        long deadline = System.nanoTime() + config.startTimeout().toNanos();
                        server.awaitReady(server.start(out, false), deadline);
                        out.accept(name + ": started again with its data");
                    }
                    return null;
                }
            }
            throw new IllegalArgumentException("no server named " + name + " (" + names() + ")");
        });
    }

    private String names() {
        return String.join(", ", servers.stream().map(LocalServer::name).toList());
    }

    /** The server's pid file (e.g. to kill it from outside, as a crash would); it exists while the server runs. */
    public Path pidFile(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst().map(LocalServer::pidFile)
                .orElseThrow(() -> new IllegalArgumentException("no server named " + name + " (" + names() + ")"));
    }

    public List<ServerStatus> status() {
        return servers.stream().map(LocalServer::status).toList();
    }

    private interface Locked<T> {
        T run() throws Exception;
    }

    private <T> T withLock(Locked<T> action) {
        Path lockFile = config.baseDir().resolve("stack.lock").toAbsolutePath().normalize();
        // A file lock excludes other processes; threads of this JVM queue on the monitor first.
        synchronized (JVM_LOCKS.computeIfAbsent(lockFile, path -> new Object())) {
            return withFileLock(lockFile, action);
        }
    }

    private <T> T withFileLock(Path lockFile, Locked<T> action) {
        try {
            Files.createDirectories(config.baseDir());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    out.accept("waiting for another process using the " + config.name() + " stack (" + lockFile + ")");
                    lock = channel.lock();
                }
                try {
                    return action.run();
                } finally {
                    lock.release();
                }
            }
        } catch (StackException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        } catch (Exception e) {
            throw new StackException("the " + config.name() + " stack failed: " + e, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        return channel.tryLock();
    }
}
