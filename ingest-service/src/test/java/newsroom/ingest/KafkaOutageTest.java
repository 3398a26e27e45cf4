package newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import newsroom.ingest.repository.OutboxMessage;
import newsroom.stack.LocalStack;
import newsroom.stack.StackConfig;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * No loss: with the test stack's broker stopped the API keeps accepting; once it is back, every accepted article
 * reaches news.articles.raw exactly once. The broker is restarted on the same port straight after the posts
 * (other modules share it).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class KafkaOutageTest {
    private static final int ARTICLES = 200;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyArticleAcceptedDuringABrokerOutageIsPublishedExactlyOnceAfterIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalStack stack = new LocalStack(StackConfig.test(), line -> System.out.println("[outage test] " + line));
        Set<String> accepted = new HashSet<>();
        assertThat(stack.stopServer("kafka")).as("the test stack's Kafka was running").isTrue();
        long unsentWhileDown;
        try {
            // half one by one, half in two batches
            for (int i = 0; i < ARTICLES / 2; i++) {
                JsonPath answer = given().contentType("application/json").body(article(run, i))
                        .post("/api/articles").then().statusCode(202).extract().jsonPath();
                assertThat(answer.getString("status")).isEqualTo("accepted");
                accepted.add(answer.getString("id"));
            }
            for (int from = ARTICLES / 2; from < ARTICLES; from += ARTICLES / 4) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = from; i < from + ARTICLES / 4; i++) {
                    batch.add(article(run, i));
                }
                JsonPath answer = given().contentType("application/json").body(batch)
                        .post("/api/articles/batch").then().statusCode(200).extract().jsonPath();
                assertThat(answer.getList("results.status", String.class)).containsOnly("accepted");
                accepted.addAll(answer.getList("results.id", String.class));
            }
            assertThat(accepted).hasSize(ARTICLES);
            unsentWhileDown = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                    "articleId in ?1 and sentAt is null", accepted));
        } finally {
            stack.startServer("kafka"); // same port, same data: other modules' consumers carry on
        }
        // Not asserted: another module's test may bring the shared broker back before this one does.
        System.out.printf("[outage test] %d of %d accepted articles waiting in the outbox while the broker was down%n",
                unsentWhileDown, ARTICLES);

        // read the whole topic: if the broker came back empty (someone else restarted it), the relay re-created it
        try (RawTopicWatcher topic = new RawTopicWatcher(bootstrapServers, true, accepted::contains)) {
            await("all " + ARTICLES + " on the topic").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> topic.poll().stream().map(RawTopicWatcher.Received::key).collect(Collectors.toSet()).size() == ARTICLES);
            topic.catchUp();
            Map<String, Long> copies = topic.poll().stream().map(RawTopicWatcher.Received::key)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(copies).hasSize(ARTICLES);
            assertThat(copies.values()).as("each article once").containsOnly(1L);
            System.out.printf("[outage test] %d accepted during the outage, %d distinct ids on the topic after it, each once%n",
                    accepted.size(), copies.size());
        }
    }

    private static Map<String, Object> article(String run, int i) {
        Map<String, Object> a = new HashMap<>();
        a.put("url", "https://outage-it.example/" + run + "/" + i);
        a.put("source", "outage-" + run);
        a.put("title", "Outage article " + i);
        a.put("body", "Written while the broker was away, number " + i + " of run " + run + ".");
        return a;
    }
}
