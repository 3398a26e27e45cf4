package newsroom.stack.testing;

import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import newsroom.stack.RunningStack;

/**
 * The same three servers from Docker images, for {@code -Dnewsroom.stack=containers}. Needs a Docker engine; never
 * used by default. Started once per JVM; Testcontainers' reaper removes them when the JVM exits.
 */
final class ContainersStack {

    private ContainersStack() {
    }

    static RunningStack start() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        ElasticsearchContainer elasticsearch =
                new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
                        .withEnv("xpack.security.enabled", "false")
                        .withEnv("discovery.type", "single-node")
                        .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                        .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18")
                .withDatabaseName("newsroom")
                .withUsername("newsroom")
                .withPassword("newsroom");
        kafka.start();
        elasticsearch.start();
        postgres.start();
        return new RunningStack(kafka.getBootstrapServers(), "http://" + elasticsearch.getHttpHostAddress(),
                postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }
}
