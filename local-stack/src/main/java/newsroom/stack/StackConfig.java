package newsroom.stack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One named stack: where its data lives, its ports and heaps.
 *
 * <p>{@code dev} (9092/9093, 9200/9300, 5432, {@code <root>/.newsroom/stack}) is the launcher's and keeps its data;
 * {@code test} (19092/19093, 19200/19300, 15432, {@code <root>/.newsroom/test-stack}) is the tests' and starts empty
 * whenever a server of it starts from scratch. Each value can be overridden by a system property or an environment
 * variable: {@code newsroom.kafka.port} / {@code NEWSROOM_KAFKA_PORT} for the dev stack, {@code newsroom.test.kafka.port}
 * / {@code NEWSROOM_TEST_KAFKA_PORT} for the test stack (so that moving the dev stack never moves the test stack onto
 * it), likewise {@code kafka.controller.port}, {@code elasticsearch.port}, {@code elasticsearch.transport.port},
 * {@code postgres.port}, {@code kafka.heap}, {@code elasticsearch.heap}, {@code kafka.java.opts},
 * {@code elasticsearch.java.opts} (extra JVM options, default C1-only JIT), {@code stack.dir},
 * {@code kafka.brokers} (1, the default, or a KRaft cluster of that many broker+controller nodes); and
 * {@code newsroom.stack.timeout} / {@code NEWSROOM_STACK_TIMEOUT} (seconds, both stacks).
 *
 * <p>In a cluster, node {@code n} (1-based) listens on {@code kafkaPort + 2(n-1)} and its controller on
 * {@code kafkaControllerPort + 2(n-1)}: with the defaults 9092/9093, 9094/9095, 9096/9097.
 */
public record StackConfig(
        String name,
        Path root,
        Path baseDir,
        int kafkaPort,
        int kafkaControllerPort,
        int elasticsearchPort,
        int elasticsearchTransportPort,
        int postgresPort,
        String kafkaHeap,
        String elasticsearchHeap,
        String kafkaJavaOpts,
        String elasticsearchJavaOpts,
        Duration startTimeout,
        boolean wipeOnFreshStart,
        int kafkaBrokers) {

    /** The largest cluster a stack starts (its nodes' ports are consecutive). */
    static final int MAX_KAFKA_BROKERS = 9;

    public StackConfig {
        if (kafkaBrokers < 1 || kafkaBrokers > MAX_KAFKA_BROKERS) {
            throw new StackException("the number of Kafka brokers must be 1 to " + MAX_KAFKA_BROKERS + ", not "
                    + kafkaBrokers);
        }
    }

    public static final String DEV = "dev";
    public static final String TEST = "test";
    static final String QUICK_START_JIT = "-XX:TieredStopAtLevel=1";

    public static StackConfig dev() {
        return named(DEV);
    }

    public static StackConfig test() {
        return named(TEST);
    }

    /** The {@code dev} or {@code test} stack, with overrides from system properties and environment variables. */
    public static StackConfig named(String name) {
        return named(name, projectRoot());
    }

    static StackConfig named(String name, Path root) {
        return named(name, root, System.getenv());
    }

    /** As {@link #named(String, Path)}, with the environment given (tests pass their own, not the machine's). */
    static StackConfig named(String name, Path root, Map<String, String> env) {
        boolean test = switch (name) {
            case DEV -> false;
            case TEST -> true;
            default -> throw new StackException("unknown stack '" + name + "': use dev or test");
        };
        String prefix = test ? "test." : "";
        int offset = test ? 10000 : 0;
        return new StackConfig(
                name,
                root,
                Path.of(setting(prefix + "stack.dir",
                        root.resolve(".newsroom").resolve(test ? "test-stack" : "stack").toString(), env)).toAbsolutePath(),
                intSetting(prefix + "kafka.port", 9092 + offset, env),
                intSetting(prefix + "kafka.controller.port", 9093 + offset, env),
                intSetting(prefix + "elasticsearch.port", 9200 + offset, env),
                intSetting(prefix + "elasticsearch.transport.port", 9300 + offset, env),
                intSetting(prefix + "postgres.port", 5432 + offset, env),
                setting(prefix + "kafka.heap", "256m", env),
                setting(prefix + "elasticsearch.heap", "512m", env),
                // C1 only: on 2 busy cores it halves the start time and saves ~150 MB, and the dev and test data
                // sets are far too small for C2's peak speed to matter.
                setting(prefix + "kafka.java.opts", QUICK_START_JIT, env),
                setting(prefix + "elasticsearch.java.opts", QUICK_START_JIT, env),
                Duration.ofSeconds(intSetting("stack.timeout", 180, env)),
                test,
                intSetting(prefix + "kafka.brokers", 1, env));
    }

    /** A copy with its own ports and directory (e.g. a separate stack for a test that must not disturb the shared one). */
    public StackConfig withPorts(Path dir, int kafka, int kafkaController, int elasticsearch, int elasticsearchTransport,
            int postgres) {
        return new StackConfig(name, root, dir, kafka, kafkaController, elasticsearch, elasticsearchTransport, postgres,
                kafkaHeap, elasticsearchHeap, kafkaJavaOpts, elasticsearchJavaOpts, startTimeout, wipeOnFreshStart,
                kafkaBrokers);
    }

    /** A copy that runs {@code brokers} Kafka nodes (1: the single broker; more: a KRaft cluster). */
    public StackConfig withKafkaBrokers(int brokers) {
        return new StackConfig(name, root, baseDir, kafkaPort, kafkaControllerPort, elasticsearchPort,
                elasticsearchTransportPort, postgresPort, kafkaHeap, elasticsearchHeap, kafkaJavaOpts,
                elasticsearchJavaOpts, startTimeout, wipeOnFreshStart, brokers);
    }

    /** The client port of Kafka node {@code node} (1-based). */
    public int kafkaPort(int node) {
        return kafkaPort + 2 * (node - 1);
    }

    /** The controller port of Kafka node {@code node} (1-based). */
    public int kafkaControllerPort(int node) {
        return kafkaControllerPort + 2 * (node - 1);
    }

    /** Every broker's address, comma-separated: a client then bootstraps through whichever node is up. */
    public String kafkaBootstrap() {
        return IntStream.rangeClosed(1, kafkaBrokers).mapToObj(n -> "127.0.0.1:" + kafkaPort(n))
                .collect(Collectors.joining(","));
    }

    public Path logsDir() {
        return baseDir.resolve("logs");
    }

    public Path pidsDir() {
        return baseDir.resolve("pids");
    }

    /** Where {@code ./mvnw -pl local-stack package} puts the server distributions. */
    public Path artifactsDir() {
        return root.resolve("local-stack").resolve("target");
    }

    public String username() {
        return "newsroom";
    }

    public String password() {
        return "newsroom";
    }

    public String database() {
        return "newsroom";
    }

    public RunningStack running() {
        return new RunningStack(
                kafkaBootstrap(),
                "http://127.0.0.1:" + elasticsearchPort,
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database(),
                username(),
                password());
    }

    /**
     * The project root: system property {@code newsroom.root}, else env {@code NEWSROOM_ROOT}, else the nearest
     * directory above the working directory that holds {@code mvnw}, else the one above this module's jar.
     */
    public static Path projectRoot() {
        String configured = System.getProperty("newsroom.root");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("NEWSROOM_ROOT");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path found = holdingMvnw(Path.of("").toAbsolutePath());
        if (found == null) {
            found = holdingMvnw(jarLocation());
        }
        if (found == null) {
            throw new StackException("cannot find the project root: run from inside the project, or set NEWSROOM_ROOT "
                    + "(or -Dnewsroom.root) to the directory holding mvnw");
        }
        return found;
    }

    private static Path holdingMvnw(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.normalize();
            }
        }
        return null;
    }

    private static Path jarLocation() {
        try {
            return Path.of(StackConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    static String setting(String key, String defaultValue, Map<String, String> env) {
        String value = System.getProperty("newsroom." + key);
        if (value == null || value.isBlank()) {
            value = env.get(envName(key));
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    static String envName(String key) {
        return "NEWSROOM_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static int intSetting(String key, int defaultValue, Map<String, String> env) {
        String value = setting(key, Integer.toString(defaultValue), env);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackException("newsroom." + key + " / " + envName(key) + " must be a number, not '" + value + "'");
        }
    }
}
