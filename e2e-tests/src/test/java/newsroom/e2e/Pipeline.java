package newsroom.e2e;

import newsroom.support.access.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import newsroom.stack.RunningStack;
import newsroom.stack.testing.LocalStackExtension;

/**
 * The three packaged services started as processes on the shared test stack, on ports of their own
 * (18081, 18082, 18080) so that a running demo on the default ports does not get in the way.
 *
 * <p>Started once for every class of the run that uses them (each start costs half a minute of two busy cores), and
 * stopped when the run ends. A class finds them running and ready: one that left a service down (a fault injected,
 * a failure halfway) gets it started again by the next class; {@link #stopShared()} stops them for a class that
 * needs the machine to itself.
 *
 * <p>Two system properties let a run stay out of other people's way: {@code e2e.apps} is a directory holding copies of
 * {@code <service>/target/quarkus-app} (default: the project root, i.e. the freshly built services), so a rebuild
 * cannot pull a jar out from under a running process; {@code e2e.portBase} moves the three ports (search = base,
 * ingest = base + 1, nlp = base + 2; default 18080); {@code e2e.env.NAME=value} sets an environment variable of the
 * three services.
 *
 * <p>Access control as the launcher sets it up: the services get the test admin key's hash as their bootstrap admin
 * key ({@link TestKeys#ADMIN}, the test-jar's admin key, is then an admin key everywhere) and a webhook secret key made for this run.
 */
final class Pipeline implements BeforeAllCallback {

    /** How long a service may take to be ready ({@code e2e.startSeconds}, default 180). */
    static final Duration START = Duration.ofSeconds(Long.getLong("e2e.startSeconds", 180));

    static RunningStack stack;
    static Path root;
    static ServiceProcess ingest;
    static ServiceProcess nlp;
    static ServiceProcess search;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        stack = LocalStackExtension.stack();
        root = Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
        if (ingest == null) {
            Path apps = Path.of(System.getProperty("e2e.apps", root.toString()));
            int base = Integer.getInteger("e2e.portBase", 18080);
            Path logs = root.resolve("e2e-tests/target/e2e-logs");
            Map<String, String> env = environment(stack);
            ingest = new ServiceProcess("ingest-service", jar(apps, "ingest"), base + 1, "256m", env, logs);
            nlp = new ServiceProcess("nlp-service", jar(apps, "nlp"), base + 2, "640m", env, logs);
            search = new ServiceProcess("search-service", jar(apps, "search"), base, "256m", env, logs);
            // stopped once, when the whole run is over (the root context's store closes its resources then)
            context.getRoot().getStore(ExtensionContext.Namespace.create(Pipeline.class))
                    .put("services", (ExtensionContext.Store.CloseableResource) Pipeline::stopShared);
        }
        for (ServiceProcess service : all()) {
            if (!service.alive()) {
                service.start();
            }
        }
        for (ServiceProcess service : all()) {
            service.awaitReady(START);
        }
    }

    /** Stops the shared services (the next class using them starts them again). */
    static void stopShared() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {search, nlp, ingest}) {
            if (service != null) {
                service.stop();
            }
        }
        ingest = nlp = search = null;
    }

    /**
     * The three services' environment on a stack, as the launcher sets it: its servers, the test admin key's hash, a
     * webhook secret key made for this run, and whatever {@code -De2e.env.NAME=value} adds.
     */
    static Map<String, String> environment(RunningStack stack) {
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", stack.username(),
                "QUARKUS_DATASOURCE_PASSWORD", stack.password(),
                "NEWSROOM_ELASTICSEARCH_HOSTS", stack.elasticsearchUrl(),
                "NEWSROOM_ACCESS_BOOTSTRAP_ADMIN_KEY_SHA256", TestKeys.ADMIN_SHA256,
                "NEWSROOM_ALERTS_WEBHOOK_SECRET_KEY", webhookSecretKey()));
        // -De2e.env.NAME=value sets NAME for the three services (e.g. a longer timeout on an overloaded machine)
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith("e2e.env."))
                .forEach(p -> env.put(p.substring("e2e.env.".length()), System.getProperty(p)));
        return env;
    }

    static List<ServiceProcess> all() {
        return List.of(ingest, nlp, search);
    }

    static boolean allReady() {
        return all().stream().allMatch(ServiceProcess::ready);
    }

    private static String webhookSecretKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static Path jar(Path apps, String service) {
        return apps.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
    }
}
