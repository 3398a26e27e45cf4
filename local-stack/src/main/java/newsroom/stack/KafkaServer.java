package newsroom.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft broker+controller in its own JVM, from the jars in {@code local-stack/target/kafka-lib}: the stack's single
 * broker ({@code kafka}), or node {@code n} of a cluster ({@code kafka-n}, each with its own ports, directory, log and
 * pid file, so that one node can be stopped and started again by itself).
 */
final class KafkaServer extends LocalServer {

    /** Where a cluster's nodes find the id they were all formatted with (a node formatted later must match). */
    static final String CLUSTER_ID_FILE = "kafka-cluster.id";
    private static final Object CLUSTER_ID_LOCK = new Object();

    /** 0: the single broker; 1..n: a node of the cluster. */
    private final int node;

    KafkaServer(StackConfig config) {
        this(config, 0);
    }

    KafkaServer(StackConfig config, int node) {
        super(config);
        this.node = node;
    }

    /** The Kafka servers of a stack: one broker, or every node of its cluster. */
    static List<KafkaServer> of(StackConfig config) {
        if (config.kafkaBrokers() == 1) {
            return List.of(new KafkaServer(config));
        }
        return IntStream.rangeClosed(1, config.kafkaBrokers())
                .mapToObj(n -> new KafkaServer(config, n)).toList();
    }

    /**
     * The Kafka servers a stack of another shape would have (the single broker, or cluster nodes): {@code down} stops
     * those too, so that changing {@code kafka.brokers} between {@code up} and {@code down} leaves nothing running.
     */
    static List<KafkaServer> otherShapes(StackConfig config) {
        List<KafkaServer> others = new ArrayList<>();
        if (config.kafkaBrokers() > 1) {
            others.add(new KafkaServer(config));
        }
        for (int n = config.kafkaBrokers() == 1 ? 1 : config.kafkaBrokers() + 1; n <= StackConfig.MAX_KAFKA_BROKERS; n++) {
            others.add(new KafkaServer(config, n));
        }
        return others;
    }

    private boolean clustered() {
        return node > 0;
    }

    private int nodeId() {
        return clustered() ? node : 1;
    }

    @Override
    String name() {
        return clustered() ? "kafka-" + node : "kafka";
    }

    @Override
    int port() {
        return config.kafkaPort(nodeId());
    }

    @Override
    List<Integer> ports() {
        return List.of(config.kafkaPort(nodeId()), config.kafkaControllerPort(nodeId()));
    }

    @Override
    String portSettings() {
        String prefix = StackConfig.TEST.equals(config.name()) ? "NEWSROOM_TEST_" : "NEWSROOM_";
        return prefix + "KAFKA_PORT and " + prefix + "KAFKA_CONTROLLER_PORT"
                + (clustered() ? " (node n uses each plus 2(n-1))" : "");
    }

    private Path libDir() {
        return require(config.artifactsDir().resolve("kafka-lib"), config);
    }

    private Path serverProperties() {
        return dir().resolve("server.properties");
    }

    private Path log4jConfig() {
        return dir().resolve("log4j2.properties");
    }

    @Override
    void prepare() throws IOException, InterruptedException {
        write(serverProperties(), String.join("\n", settings()));
        prepareLogging();
        format();
    }

    /** The lines of {@code server.properties}. */
    List<String> settings() {
        int controllerPort = config.kafkaControllerPort(nodeId());
        List<String> settings = new ArrayList<>(List.of(
                "# Written by newsroom local-stack on every start.",
                "process.roles=broker,controller",
                "node.id=" + nodeId(),
                clustered() ? "controller.quorum.voters=" + voters()
                        : "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port() + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir(),
                "auto.create.topics.enable=true"));
        settings.addAll(replication());
        settings.addAll(List.of(
                "offsets.topic.num.partitions=10",
                "group.initial.rebalance.delay.ms=0",
                // Keep every article: a new search index version is filled by replaying news.articles.enriched.
                "log.retention.ms=-1",
                // Message sizes, smallest to largest: an article's body at intake 1 MiB < the raw producer's
                // max.request.size 4 MiB < the enriched producer's 8 MiB < these 10 MiB. Topics are auto-created
                // without overrides, so their max.message.bytes is this broker default; replicas fetch as much.
                "message.max.bytes=10485760",
                "replica.fetch.max.bytes=10485760",
                ""));
        return settings;
    }

    private void prepareLogging() {
        write(log4jConfig(), String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + log(),
                "appender.file.append = true",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                ""));
    }

    private void format() throws IOException, InterruptedException {
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(List.of(DetachedProcess.javaExecutable(), "-Xmx128m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=" + log4jConfig(),
                    "-cp", libDir() + "/*", "kafka.tools.StorageTool", "format"));
            // A cluster's static voters come from server.properties; the single node is its own quorum.
            format.addAll(clustered() ? List.of("-t", clusterId()) : List.of("--standalone", "-t",
                    Uuid.randomUuid().toString()));
            format.addAll(List.of("-c", serverProperties().toString()));
            DetachedProcess.run(format, java.util.Map.of(), dir(), log(), false, Duration.ofSeconds(60));
        }
    }

    /**
     * Replication: one copy on the single broker; in a cluster three (or as many nodes as there are), of which two
     * must acknowledge a write, so that a producer with {@code acks=all} goes on while one node is down.
     */
    private List<String> replication() {
        int copies = clustered() ? Math.min(3, config.kafkaBrokers()) : 1;
        int inSync = copies >= 3 ? 2 : 1;
        return List.of(
                // several partitions per topic, so that two or three instances of a service each get some
                "num.partitions=" + (clustered() ? 6 : 3),
                "default.replication.factor=" + copies,
                "min.insync.replicas=" + inSync,
                "offsets.topic.replication.factor=" + copies,
                "transaction.state.log.replication.factor=" + copies,
                "transaction.state.log.min.isr=" + inSync,
                "share.coordinator.state.topic.replication.factor=" + copies,
                "share.coordinator.state.topic.min.isr=" + inSync);
    }

    private String voters() {
        List<String> voters = new ArrayList<>();
        for (int n = 1; n <= config.kafkaBrokers(); n++) {
            voters.add(n + "@127.0.0.1:" + config.kafkaControllerPort(n));
        }
        return String.join(",", voters);
    }

    /** The cluster's id, made by the first node to be formatted and kept in the stack directory for the others. */
    private String clusterId() throws IOException {
        Path file = config.baseDir().resolve(CLUSTER_ID_FILE);
        synchronized (CLUSTER_ID_LOCK) {
            if (!Files.exists(file)) {
                write(file, Uuid.randomUuid().toString());
            }
            return Files.readString(file).strip();
        }
    }

    @Override
    List<String> command() {
        List<String> command = new java.util.ArrayList<>(List.of(DetachedProcess.javaExecutable(),
                "-Xms" + config.kafkaHeap(), "-Xmx" + config.kafkaHeap(),
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true"));
        command.addAll(splitOptions(config.kafkaJavaOpts()));
        command.addAll(List.of(
                "-Dlog4j2.configurationFile=" + log4jConfig(),
                "-Dkafka.logs.dir=" + config.logsDir(),
                "-cp", libDir() + "/*",
                "kafka.Kafka", serverProperties().toString()));
        return command;
    }

    /**
     * The single broker: it answers a {@code describeCluster}. A cluster node: through its own port, the cluster lists
     * every node, so a client's first topic (three replicas) can be made.
     */
    @Override
    boolean answers() {
        return clusterNodes().map(nodes -> clustered() ? nodes.size() >= config.kafkaBrokers() && nodes.contains(node)
                : !nodes.isEmpty()).orElse(false);
    }

    /** A node that was ready before still serves while a peer is down. */
    @Override
    boolean serves() {
        return clusterNodes().map(nodes -> nodes.contains(nodeId())).orElse(false);
    }

    /** The node ids the cluster lists, asked through this node's port; empty when it does not answer. */
    private Optional<Set<Integer>> clusterNodes() {
        if (!accepts(port())) {
            return Optional.empty();
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsroom-local-stack-probe");
        try (Admin admin = Admin.create(props)) {
            return Optional.of(admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes().get(4, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }
}
