package newsroom.search;

import static io.restassured.RestAssured.given;
import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * An index that refuses writes for a while (a write block, then a closed index) is not a reason to dead-letter: the
 * indexer retries, and every article arriving meanwhile is indexed once the index takes writes again. Runs on an
 * index and alias of its own, so the block never touches what other tests read.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestProfile(OwnIndexProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexWriteBlockIT {
    static final String INDEX = OwnIndexProfile.INDEX;
    static final String DEAD_LETTERS = OwnIndexProfile.DEAD_LETTERS;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "newsroom.elasticsearch.hosts")
    String elasticsearch;

    EnrichedArticles kafka;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void connect() {
        kafka = new EnrichedArticles(bootstrap);
        await("the index exists").atMost(Duration.ofSeconds(60)).until(() -> status("GET", "/" + INDEX, null) == 200);
        // A new group replays the whole topic first (every article earlier tests sent): wait for that here, one
        // article sent to each partition after everything before it, so that each test's minute is its own.
        String source = "caught-up-" + unique();
        int sent = kafka.sendToEachPartition(p -> article("wb-" + unique(), source, Instant.now(),
                "Sent after everything before it", "Body.")).size();
        await("the indexer has replayed the topic").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(source) == sent);
    }

    @AfterAll
    void close() throws Exception {
        status("PUT", "/" + INDEX + "/_settings", "{\"index.blocks.write\":null}");
        status("POST", "/" + INDEX + "/_open", null);
        kafka.close();
    }

    @Test
    void articlesArrivingDuringAWriteBlockAreIndexedAfterItIsLiftedAndNoneIsDeadLettered() throws Exception {
        assertThat(status("PUT", "/" + INDEX + "/_settings", "{\"index.blocks.write\":true}")).isEqualTo(200);
        String source = "blocked-" + unique();
        List<String> ids = sendWhileRefused(source);
        assertThat(status("PUT", "/" + INDEX + "/_settings", "{\"index.blocks.write\":null}")).isEqualTo(200);
        assertIndexedAndNotDeadLettered(source, ids);
    }

    @Test
    void articlesArrivingWhileTheIndexIsClosedAreIndexedAfterItReopens() throws Exception {
        assertThat(status("POST", "/" + INDEX + "/_close", null)).isEqualTo(200);
        String source = "closed-" + unique();
        List<String> ids = sendWhileRefused(source);
        assertThat(status("POST", "/" + INDEX + "/_open", null)).isEqualTo(200);
        assertIndexedAndNotDeadLettered(source, ids);
    }

    /** Sends three articles and waits until the indexer has been refused and retried a few times. */
    private List<String> sendWhileRefused(String source) {
        List<String> ids = List.of("wb-" + unique(), "wb-" + unique(), "wb-" + unique());
        double retriesBefore = retries();
        for (String id : ids) {
            kafka.send(article(id, source, Instant.now(), "Written while the index refuses writes", "Body " + id + "."));
        }
        await("the indexer is refused and retries").atMost(Duration.ofSeconds(60))
                .until(() -> retries() >= retriesBefore + 3);
        return ids;
    }

    private void assertIndexedAndNotDeadLettered(String source, List<String> ids) throws Exception {
        await("indexed once writes are accepted again").atMost(Duration.ofSeconds(60))
                .until(() -> count(source) == ids.size());
        for (String id : ids) {
            assertThat(kafka.deadLetters(DEAD_LETTERS, id)).as("dead letters for " + id).isEmpty();
        }
    }

    private long count(String source) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/" + INDEX + "/_count?q=source:" + source, null);
        if (response.statusCode() != 200) {
            return -1;
        }
        String body = response.body();
        int at = body.indexOf("\"count\":");
        return Long.parseLong(body.substring(at + 8, body.indexOf(',', at)));
    }

    private static double retries() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("newsroom_search_index_retries_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private int status(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(elasticsearch.split(",")[0] + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
