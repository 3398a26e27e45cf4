package newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The single broker stays as it was; a cluster's nodes get ports, directories and replication of their own. */
class KafkaServerTest {

    private final Path root = Path.of("/srv/newsroom");

    @Test
    void theDefaultIsOneBrokerWithOneCopyOfEachRecord() {
        StackConfig dev = StackConfig.named("dev", root, Map.of());

        List<KafkaServer> servers = KafkaServer.of(dev);

        assertThat(servers).extracting(LocalServer::name).containsExactly("kafka");
        assertThat(servers.get(0).ports()).containsExactly(9092, 9093);
        assertThat(servers.get(0).settings()).contains("node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:9093", "num.partitions=3",
                "default.replication.factor=1", "min.insync.replicas=1", "offsets.topic.replication.factor=1");
        assertThat(dev.running().kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void aClusterOfThreeHasANodePerPortPairAndThreeCopiesTwoInSync() {
        StackConfig test = StackConfig.named("test", root, Map.of("NEWSROOM_TEST_KAFKA_BROKERS", "3"));

        List<KafkaServer> nodes = KafkaServer.of(test);

        assertThat(nodes).extracting(LocalServer::name).containsExactly("kafka-1", "kafka-2", "kafka-3");
        assertThat(nodes).extracting(LocalServer::ports)
                .containsExactly(List.of(19092, 19093), List.of(19094, 19095), List.of(19096, 19097));
        assertThat(nodes).extracting(LocalServer::dir).containsExactly(root.resolve(".newsroom/test-stack/kafka-1"),
                root.resolve(".newsroom/test-stack/kafka-2"), root.resolve(".newsroom/test-stack/kafka-3"));
        assertThat(nodes.get(1).pidFile()).isEqualTo(root.resolve(".newsroom/test-stack/pids/kafka-2.pid"));
        assertThat(nodes.get(1).settings()).contains("node.id=2",
                "controller.quorum.voters=1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097",
                "listeners=PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095", "num.partitions=6",
                "default.replication.factor=3", "min.insync.replicas=2", "offsets.topic.replication.factor=3",
                "transaction.state.log.min.isr=2");
        assertThat(test.running().kafkaBootstrap()).isEqualTo("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096");
    }

    @Test
    void downAlsoLooksForTheNodesOfTheOtherShape() {
        StackConfig single = StackConfig.named("dev", root, Map.of());
        StackConfig cluster = single.withKafkaBrokers(3);

        assertThat(KafkaServer.otherShapes(single)).extracting(LocalServer::name).startsWith("kafka-1", "kafka-2")
                .hasSize(StackConfig.MAX_KAFKA_BROKERS);
        assertThat(KafkaServer.otherShapes(cluster)).extracting(LocalServer::name).startsWith("kafka", "kafka-4")
                .doesNotContain("kafka-1", "kafka-2", "kafka-3");
    }

    @Test
    void aBrokerCountOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> StackConfig.named("dev", root, Map.of("NEWSROOM_KAFKA_BROKERS", "0")))
                .isInstanceOf(StackException.class).hasMessageContaining("1 to 9");
    }
}
