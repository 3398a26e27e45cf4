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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * Elasticsearch becomes unreachable for this service (a proxy in between is cut) for longer than a minute: the indexer
 * backs off and retries, commits nothing, skips nothing, dead-letters nothing, the connector's channel does not fail,
 * the indexer's liveness reports the stall once records have waited past the (shortened) stall timeout, and the
 * article is indexed, and the service live again, once Elasticsearch is back.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestProfile(ElasticsearchOutageIT.BehindProxy.class)
class ElasticsearchOutageIT {
    static final String ALIAS = "outage-test-articles";
    static final String INDEX = ALIAS + "-v1";
    static final String DEAD_LETTERS = "news.articles.enriched.dlq.outage-test";
    /** Longer than the throttled commit strategy's default unprocessed-record age (60 s), which must not apply. */
    static final Duration OUTAGE = Duration.ofSeconds(65);
    static final String CONNECTOR_LIVENESS = "SmallRye Reactive Messaging - liveness check";
    static ToggleableProxy proxy;
    static String realElasticsearch;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Its own group: this instance must not share partitions with other test instances.
            // An index of its own: other search-service instances on the shared stack (other test runs) read the same
            // topic and would index the article into the shared index while this instance cannot.
            return Map.of("newsroom.search.index.alias", ALIAS, "newsroom.search.index.name", INDEX,
                    "newsroom.search.indexer.group-id", "search-service-outage-test",
                    "newsroom.search.indexer.max-backoff", "1s",
                    "newsroom.search.indexer.stall-timeout", "30s",
                    // Its own dead-letter topic: this group replays the topic once, with other tests' poison records.
                    "mp.messaging.outgoing.enriched-articles-dlq.topic", DEAD_LETTERS);
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(ProxyResource.class));
        }
    }

    /** Runs after the stack resource: puts the proxy in front of the real Elasticsearch. */
    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Map<String, String> stack = new LocalStackTestResource().start();
            realElasticsearch = stack.get("newsroom.elasticsearch.hosts");
            URI es = URI.create(realElasticsearch);
            try {
                proxy = new ToggleableProxy(es.getHost(), es.getPort());
                proxy.up();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Map<String, String> config = new HashMap<>();
            // Profile-qualified, so it wins over the unqualified address the (global) stack resource also provides.
            config.put("%test.newsroom.elasticsearch.hosts", "http://127.0.0.1:" + proxy.port());
            return config;
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @Test
    void anArticleArrivingWhileElasticsearchIsDownIsIndexedWhenItComesBack() throws Exception {
        String id = "outage-" + unique();
        String source = "outage-" + unique();
        double retriesBefore = retries();
        proxy.down();
        try (EnrichedArticles kafka = new EnrichedArticles(bootstrap)) {
            kafka.send(article(id, source, Instant.now(), "Written during the outage", "Body."));
            await("the indexer retries").atMost(Duration.ofSeconds(30)).until(() -> retries() > retriesBefore + 1);
            assertThat(countInRealElasticsearch(id)).isZero();
            given().when().get("/q/health/ready").then().statusCode(503);
            // The whole outage: still not indexed and the channel never failed; the indexer's
            // own liveness turns DOWN once the article has waited past the stall timeout.
            AtomicBoolean stallReported = new AtomicBoolean();
            await("a long outage").during(OUTAGE).atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        if ("DOWN".equals(liveness("indexer"))) {
                            stallReported.set(true);
                        }
                        return countInRealElasticsearch(id) == 0 && "UP".equals(liveness(CONNECTOR_LIVENESS));
                    });
            assertThat(stallReported).as("the indexer's liveness reported the stall").isTrue();
        } finally {
            proxy.up();
        }
        await("indexed after the outage").atMost(Duration.ofSeconds(60)).until(() -> countInRealElasticsearch(id) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("source", source).get("/api/search")
                .jsonPath().getInt("total") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/live").statusCode() == 200);
        try (EnrichedArticles kafka = new EnrichedArticles(bootstrap)) {
            assertThat(kafka.deadLetters(DEAD_LETTERS, id)).isEmpty();
        }
    }

    /** The status of one liveness check, whatever the overall status. */
    private static String liveness(String check) {
        return given().get("/q/health/live").jsonPath()
                .getString("checks.find { it.name == '" + check + "' }.status");
    }

    private static double retries() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("newsroom_search_index_retries_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static long countInRealElasticsearch(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(realElasticsearch + "/" + INDEX + "/_count?q=id:" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        String body = response.body();
        int at = body.indexOf("\"count\":");
        return Long.parseLong(body.substring(at + 8, body.indexOf(',', at)));
    }
}
