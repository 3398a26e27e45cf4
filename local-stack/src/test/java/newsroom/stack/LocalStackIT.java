package newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import newsroom.stack.testing.LocalStackExtension;

/**
 * The shared test stack on real servers. It is left running for the modules after this one; every name used here is
 * unique, since other tests use the same servers at the same time.
 */
@ExtendWith(LocalStackExtension.class)
class LocalStackIT {

    private final String unique = "local-stack-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void kafkaDeliversAProducedRecordToAConsumer(RunningStack stack) throws Exception {
        String topic = unique + ".records";
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
        RecordMetadata written;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            written = producer.send(new ProducerRecord<>(topic, "article-1", "{\"title\":\"" + unique + "\"}"))
                    .get();
        }
        assertThat(written.topic()).isEqualTo(topic);

        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, unique,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(consumer.partitionsFor(topic)).as("auto-created with 3 partitions").hasSize(3);
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("article-1");
            assertThat(record.value()).contains(unique);
        });
    }

    @Test
    void elasticsearchIndexesAndReturnsADocument(RunningStack stack) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String index = unique + "-docs";
        HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(
                        URI.create(stack.elasticsearchUrl() + "/" + index + "/_doc/article-1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Port authority strike\",\"marker\":\""
                        + unique + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

        HttpResponse<String> fetched = http.send(HttpRequest.newBuilder(
                URI.create(stack.elasticsearchUrl() + "/" + index + "/_doc/article-1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("\"found\":true").contains(unique).contains("Port authority strike");

        HttpResponse<String> searched = http.send(HttpRequest.newBuilder(
                URI.create(stack.elasticsearchUrl() + "/" + index + "/_search?q=strike")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(searched.body()).contains("\"_id\":\"article-1\"");

        http.send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/" + index)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void postgresStoresAndReturnsRows(RunningStack stack) throws Exception {
        String table = unique.replace('-', '_');
        Properties credentials = new Properties();
        credentials.setProperty("user", stack.username());
        credentials.setProperty("password", stack.password());
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), credentials);
                Statement statement = connection.createStatement()) {
            assertThat(connection.getCatalog()).isEqualTo("newsroom");
            statement.execute("CREATE TABLE " + table + " (id text PRIMARY KEY, title text NOT NULL)");
            statement.execute("INSERT INTO " + table + " VALUES ('a1', 'Río crece tras las lluvias')");
            try (ResultSet rows = statement.executeQuery("SELECT id, title FROM " + table)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("id")).isEqualTo("a1");
                assertThat(rows.getString("title")).isEqualTo("Río crece tras las lluvias");
                assertThat(rows.next()).isFalse();
            }
            statement.execute("DROP TABLE " + table);
        }
    }

    @Test
    void ensureRunningAgainReusesTheSameProcesses() {
        LocalStack stack = new LocalStack(StackConfig.test(), line -> { });
        List<Long> before = stack.status().stream().map(ServerStatus::pid).toList();

        RunningStack again = stack.ensureRunning();
        RunningStack third = LocalStack.ensureRunning(StackConfig.test());

        assertThat(stack.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo(ServerStatus.State.RUNNING));
        assertThat(stack.status().stream().map(ServerStatus::pid).toList()).isEqualTo(before).doesNotContain(0L);
        assertThat(again).isEqualTo(third).isEqualTo(StackConfig.test().running());
    }

    @Test
    void aPortTakenByAnotherProgramGivesAClearErrorAndStartsNothing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        try (ServerSocket kafka = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket others = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = kafka.getLocalPort();
            int controller = freePort();
            StackConfig separate = StackConfig.test().withPorts(dir, taken, controller, freePort(), freePort(),
                    freePort());
            LocalStack stack = new LocalStack(separate, line -> { });

            assertThatThrownBy(stack::ensureRunning)
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + taken + " is already taken by another program")
                    .hasMessageContaining("NEWSROOM_TEST_KAFKA_PORT");
            assertThat(stack.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo(ServerStatus.State.STOPPED));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
