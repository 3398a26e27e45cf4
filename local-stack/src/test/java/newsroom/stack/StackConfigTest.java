package newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    private final Path root = Path.of("/srv/newsroom");

    @AfterEach
    void clearOverrides() {
        System.clearProperty("newsroom.kafka.port");
        System.clearProperty("newsroom.test.postgres.port");
        System.clearProperty("newsroom.test.elasticsearch.heap");
    }

    @Test
    void devStackUsesTheStandardPortsAndKeepsItsData() {
        StackConfig dev = StackConfig.named("dev", root, Map.of());

        assertThat(dev.baseDir()).isEqualTo(root.resolve(".newsroom/stack"));
        assertThat(dev.kafkaPort()).isEqualTo(9092);
        assertThat(dev.kafkaControllerPort()).isEqualTo(9093);
        assertThat(dev.elasticsearchPort()).isEqualTo(9200);
        assertThat(dev.elasticsearchTransportPort()).isEqualTo(9300);
        assertThat(dev.postgresPort()).isEqualTo(5432);
        assertThat(dev.kafkaHeap()).isEqualTo("256m");
        assertThat(dev.elasticsearchHeap()).isEqualTo("512m");
        assertThat(dev.kafkaJavaOpts()).isEqualTo("-XX:TieredStopAtLevel=1");
        assertThat(dev.elasticsearchJavaOpts()).isEqualTo("-XX:TieredStopAtLevel=1");
        assertThat(dev.wipeOnFreshStart()).isFalse();
        assertThat(dev.artifactsDir()).isEqualTo(root.resolve("local-stack/target"));
    }

    @Test
    void testStackHasItsOwnPortsAndDirectoryAndStartsEmpty() {
        StackConfig test = StackConfig.named("test", root, Map.of());

        assertThat(test.baseDir()).isEqualTo(root.resolve(".newsroom/test-stack"));
        assertThat(test.kafkaPort()).isEqualTo(19092);
        assertThat(test.kafkaControllerPort()).isEqualTo(19093);
        assertThat(test.elasticsearchPort()).isEqualTo(19200);
        assertThat(test.postgresPort()).isEqualTo(15432);
        assertThat(test.wipeOnFreshStart()).isTrue();
    }

    @Test
    void runningStackGivesTheQuarkusConfiguration() {
        RunningStack running = StackConfig.named("test", root, Map.of()).running();

        assertThat(running.toQuarkusConfig()).containsExactly(
                org.assertj.core.api.Assertions.entry("kafka.bootstrap.servers", "127.0.0.1:19092"),
                org.assertj.core.api.Assertions.entry("quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://127.0.0.1:15432/newsroom"),
                org.assertj.core.api.Assertions.entry("quarkus.datasource.username", "newsroom"),
                org.assertj.core.api.Assertions.entry("quarkus.datasource.password", "newsroom"),
                org.assertj.core.api.Assertions.entry("newsroom.elasticsearch.hosts", "http://127.0.0.1:19200"));
    }

    @Test
    void systemPropertiesOverrideEachStackSeparately() {
        System.setProperty("newsroom.kafka.port", "29092");
        System.setProperty("newsroom.test.postgres.port", "25432");
        System.setProperty("newsroom.test.elasticsearch.heap", "384m");

        assertThat(StackConfig.named("dev", root, Map.of()).kafkaPort()).isEqualTo(29092);
        assertThat(StackConfig.named("test", root, Map.of()).kafkaPort()).isEqualTo(19092);
        assertThat(StackConfig.named("test", root, Map.of()).postgresPort()).isEqualTo(25432);
        assertThat(StackConfig.named("dev", root, Map.of()).postgresPort()).isEqualTo(5432);
        assertThat(StackConfig.named("test", root, Map.of()).elasticsearchHeap()).isEqualTo("384m");
    }

    @Test
    void extraJvmOptionsAreSplitOnWhitespace() {
        assertThat(LocalServer.splitOptions("  -XX:+UseSerialGC   -Dx=1 ")).containsExactly("-XX:+UseSerialGC", "-Dx=1");
        assertThat(LocalServer.splitOptions(" ")).isEmpty();
    }

    @Test
    void environmentVariableNamesFollowTheKeys() {
        assertThat(StackConfig.envName("kafka.port")).isEqualTo("NEWSROOM_KAFKA_PORT");
        assertThat(StackConfig.envName("test.elasticsearch.transport.port"))
                .isEqualTo("NEWSROOM_TEST_ELASTICSEARCH_TRANSPORT_PORT");
        assertThat(StackConfig.setting("kafka.heap", "256m", java.util.Map.of("NEWSROOM_KAFKA_HEAP", "300m")))
                .isEqualTo("300m");
    }

    @Test
    void aPortThatIsNotANumberIsAClearError() {
        System.setProperty("newsroom.kafka.port", "ninety");

        assertThatThrownBy(() -> StackConfig.named("dev", root, Map.of()))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("NEWSROOM_KAFKA_PORT")
                .hasMessageContaining("ninety");
    }

    @Test
    void onlyDevAndTestExist() {
        assertThatThrownBy(() -> StackConfig.named("prod", root))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("dev or test");
    }

    @Test
    void theBuildPassesTheProjectRoot() {
        assertThat(StackConfig.projectRoot().resolve("mvnw")).exists();
        assertThat(StackConfig.projectRoot().resolve("local-stack/pom.xml")).exists();
    }
}
