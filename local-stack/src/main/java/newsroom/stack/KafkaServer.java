package newsroom.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/** A single KRaft broker+controller in its own JVM, from the jars in {@code local-stack/target/kafka-lib}. */
final class KafkaServer extends LocalServer {

    KafkaServer(StackConfig config) {
        super(config);
    }

    @Override
    String name() {
        return "kafka";
    }

    @Override
    int port() {
        return config.kafkaPort();
    }

    @Override
    List<Integer> ports() {
        return List.of(config.kafkaPort(), config.kafkaControllerPort());
    }

    @Override
    String portSettings() {
        String prefix = StackConfig.TEST.equals(config.name()) ? "NEWSROOM_TEST_" : "NEWSROOM_";
        return prefix + "KAFKA_PORT and " + prefix + "KAFKA_CONTROLLER_PORT";
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
        String listeners = "PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                + config.kafkaControllerPort();
        write(serverProperties(), String.join("\n",
                "# Written by newsroom local-stack on every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + config.kafkaControllerPort(),
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir(),
                "auto.create.topics.enable=true",
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Keep every article: a new search index version is filled by replaying news.articles.enriched.
                "log.retention.ms=-1",
                // Message sizes, smallest to largest: an article's body at intake 1 MiB < the raw producer's
                // max.request.size 4 MiB < the enriched producer's 8 MiB < these 10 MiB. Topics are auto-created
                // without overrides, so their max.message.bytes is this broker default; replicas fetch as much.
                "message.max.bytes=10485760",
                "replica.fetch.max.bytes=10485760",
                ""));
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
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            DetachedProcess.run(List.of(DetachedProcess.javaExecutable(), "-Xmx128m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=" + log4jConfig(),
                    "-cp", libDir() + "/*", "kafka.tools.StorageTool", "format", "--standalone",
                    "-t", Uuid.randomUuid().toString(), "-c", serverProperties().toString()),
                    java.util.Map.of(), dir(), log(), false, Duration.ofSeconds(60));
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

    @Override
    boolean answers() {
        if (!accepts(config.kafkaPort())) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + config.kafkaPort());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsroom-local-stack-probe");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
