package newsroom.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged service (its {@code quarkus-run.jar}) running as a real OS process, as the launcher runs it. */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private final String heap;
    private Process process;

    ServiceProcess(String name, Path jar, int port, String heap, Map<String, String> env, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.heap = heap;
        this.env = env;
        this.log = logDir.resolve(name + ".log");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = builder.start();
    }

    void awaitReady(Duration timeout) {
        await(name + " ready on " + baseUrl()).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .failFast(name + " exited; see " + log, () -> !process.isAlive())
                .until(this::ready);
    }

    boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful close, no final offset commit. */
    void kill9() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * SIGTERM, then waits for the process to exit by itself. Returns how long it took, or null when it was still
     * running after {@code patience} (it is then killed, so that the run can go on).
     */
    Duration terminate(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        process.destroyForcibly().waitFor();
        return null;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    /** A line in the service's log, so that a reader can find where the harness did something to it. */
    void mark(String line) {
        try {
            Files.writeString(log, "%n===== [fault suite %s] %s =====%n".formatted(java.time.Instant.now(), line),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a missing marker only makes the log harder to read
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    Path log() {
        return log;
    }
}
