package newsroom.bench.alert;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.bench.BenchKey;

/** The packaged search-service run as a process of the benchmark's own, with its metrics read over HTTP. */
final class PackagedSearchService implements AutoCloseable {
    private final Process process;
    private final File log;
    private final BenchKey key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String url;
    final Instant startedAt = Instant.now();

    private PackagedSearchService(Process process, File log, BenchKey key, int port) {
        this.process = process;
        this.log = log;
        this.key = key;
        this.url = "http://127.0.0.1:" + port;
    }

    static PackagedSearchService start(Map<String, String> settings, BenchKey key, String xmx) throws IOException {
        Path app = Path.of("search-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(app)) {
            app = Path.of("..", app.toString());
        }
        if (!Files.exists(app)) {
            throw new IllegalStateException("Build it first: ./mvnw -q -pl search-service package -DskipTests");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(List.of("java", "-Xmx" + xmx, "-jar", app.toAbsolutePath().toString()));
        pb.environment().putAll(settings);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("NEWSROOM_ACCESS_BOOTSTRAP_ADMIN_KEY_SHA256", key.sha256());
        File log = File.createTempFile("alert-scale-search-", ".log");
        pb.redirectErrorStream(true).redirectOutput(log);
        return new PackagedSearchService(pb.start(), log, key, port);
    }

    /** Waits until the monitor has loaded every subscription; returns the load time the service measured. */
    double awaitMonitorLoaded(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("search-service exited; log: " + log);
            }
            try {
                double seconds = metric("newsroom_alerts_monitor_load_seconds");
                if (!Double.isNaN(seconds)) {
                    return seconds;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the alert monitor did not load in " + timeout + "; log: " + log);
    }

    /** Heap in use right after a full collection, in MiB (jcmd on the process, then its own metrics). */
    double heapAfterGcMb() throws Exception {
        new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.E+-]+)")
                .matcher(metrics());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum / (1024 * 1024);
    }

    /** The first sample of a metric (NaN when absent). */
    double metric(String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})?\\s+(\\S+)$").matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    String metrics() throws Exception {
        return key.send(http, HttpRequest.newBuilder(URI.create(url + "/q/metrics")), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    File log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
