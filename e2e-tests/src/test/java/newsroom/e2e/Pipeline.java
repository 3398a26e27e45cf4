package newsroom.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import newsroom.stack.RunningStack;
import newsroom.stack.testing.LocalStackExtension;

/**
 * The three packaged services started as processes on the shared test stack, on ports of their own
 * (18081, 18082, 18080) so that a running demo on the default ports does not get in the way.
 */
final class Pipeline implements BeforeAllCallback, AfterAllCallback {

    static ServiceProcess ingest;
    static ServiceProcess nlp;
    static ServiceProcess search;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        RunningStack stack = LocalStackExtension.stack();
        Path root = Path.of(System.getProperty("newsroom.root", ".."));
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", stack.username(),
                "QUARKUS_DATASOURCE_PASSWORD", stack.password(),
                "NEWSROOM_ELASTICSEARCH_HOSTS", stack.elasticsearchUrl());
        ingest = new ServiceProcess("ingest-service", jar(root, "ingest"), 18081, "256m", env, logs);
        nlp = new ServiceProcess("nlp-service", jar(root, "nlp"), 18082, "640m", env, logs);
        search = new ServiceProcess("search-service", jar(root, "search"), 18080, "256m", env, logs);
        for (ServiceProcess service : new ServiceProcess[] {ingest, nlp, search}) {
            service.start();
        }
        for (ServiceProcess service : new ServiceProcess[] {ingest, nlp, search}) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {search, nlp, ingest}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    private static Path jar(Path root, String service) {
        return root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
    }
}
