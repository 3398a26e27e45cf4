package newsroom.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single-node Elasticsearch from the minimal distribution unpacked in {@code local-stack/target}, with a config
 * directory generated under the stack dir. It has no bundled JDK: it runs on the JDK running this code.
 */
final class ElasticsearchServer extends LocalServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ElasticsearchServer(StackConfig config) {
        super(config);
    }

    @Override
    String name() {
        return "elasticsearch";
    }

    @Override
    int port() {
        return config.elasticsearchPort();
    }

    @Override
    List<Integer> ports() {
        return List.of(config.elasticsearchPort(), config.elasticsearchTransportPort());
    }

    @Override
    String portSettings() {
        String prefix = StackConfig.TEST.equals(config.name()) ? "NEWSROOM_TEST_" : "NEWSROOM_";
        return prefix + "ELASTICSEARCH_PORT and " + prefix + "ELASTICSEARCH_TRANSPORT_PORT";
    }

    @Override
    boolean unprivileged() {
        return true;
    }

    private Path home() {
        Path target = config.artifactsDir();
        try (var dirs = Files.list(target)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("elasticsearch-")
                            && Files.isRegularFile(d.resolve("bin/elasticsearch")))
                    .findFirst()
                    .orElseThrow(() -> new StackException("missing the Elasticsearch distribution in " + target
                            + ": run ./mvnw -pl local-stack package first (from " + config.root() + ")"));
        } catch (IOException e) {
            throw new StackException("missing " + target + ": run ./mvnw -pl local-stack package first (from "
                    + config.root() + ")");
        }
    }

    private Path configDir() {
        return dir().resolve("config");
    }

    @Override
    void prepare() throws IOException {
        Path home = home();
        Path conf = configDir();
        Files.createDirectories(conf.resolve("jvm.options.d"));
        Files.createDirectories(dataDir());
        Files.createDirectories(dir().resolve("logs"));
        Files.createDirectories(dir().resolve("tmp"));
        Files.copy(home.resolve("config/jvm.options"), conf.resolve("jvm.options"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(home.resolve("config/log4j2.properties"), conf.resolve("log4j2.properties"),
                StandardCopyOption.REPLACE_EXISTING);
        // Later options win: no pre-touching of the whole heap (saves resident memory on a small machine).
        write(conf.resolve("jvm.options.d/newsroom.options"), "-XX:-AlwaysPreTouch\n");
        List<String> yml = new ArrayList<>(List.of(
                "# Written by newsroom local-stack on every start.",
                "cluster.name: newsroom-" + config.name(),
                "node.name: newsroom-" + config.name(),
                "path.data: " + dataDir(),
                "path.logs: " + dir().resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + config.elasticsearchPort(),
                "transport.port: " + config.elasticsearchTransportPort(),
                "discovery.type: single-node",
                // CI disks may be nearly full: never block writes on a watermark.
                "cluster.routing.allocation.disk.threshold_enabled: false"));
        if (Files.isDirectory(home.resolve("modules/x-pack-security"))) {
            yml.add("xpack.security.enabled: false");
        }
        write(conf.resolve("elasticsearch.yml"), String.join("\n", yml) + "\n");
    }

    @Override
    List<String> command() {
        // Through bash: the script works even if unpacking lost its executable bit.
        return List.of("bash", home().resolve("bin/elasticsearch").toString());
    }

    @Override
    Map<String, String> environment() {
        return Map.of(
                "ES_JAVA_HOME", DetachedProcess.javaHome(),
                "ES_PATH_CONF", configDir().toString(),
                "ES_TMPDIR", dir().resolve("tmp").toString(),
                "ES_JAVA_OPTS", ("-Xms" + config.elasticsearchHeap() + " -Xmx" + config.elasticsearchHeap() + " "
                        + config.elasticsearchJavaOpts()).trim(),
                // The launcher JVM only waits for the server: it never needs the optimising compiler.
                "CLI_JAVA_OPTS", StackConfig.QUICK_START_JIT);
    }

    @Override
    String marker() {
        // The CLI launcher's command line names the config dir.
        return configDir().toString();
    }

    /** Fresh start: the cluster reached yellow (every primary shard allocated). */
    @Override
    boolean answers() {
        HttpResponse<String> response = health("?wait_for_status=yellow&timeout=1s");
        return response != null && response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
    }

    /** Reuse: the node answers cluster health with a master, whatever colour one test's index left it in. */
    @Override
    boolean serves() {
        HttpResponse<String> response = health("");
        return response != null && response.statusCode() == 200;
    }

    private HttpResponse<String> health(String query) {
        if (!accepts(config.elasticsearchPort())) {
            return null;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.elasticsearchPort()
                        + "/_cluster/health" + query))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
