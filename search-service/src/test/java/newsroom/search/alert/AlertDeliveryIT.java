package newsroom.search.alert;

import static io.restassured.RestAssured.given;
import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import newsroom.events.AlertMatch;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.search.alert.messaging.AlertDispatcher;
import newsroom.search.alert.messaging.AlertStreamRelay;
import newsroom.search.alert.messaging.WebhookSender;
import newsroom.search.alert.service.AlertMatcher;
import newsroom.search.alert.service.PendingMatches;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.TestKeys;

/**
 * Matching (on its own consumer group, once the articles are searchable) and every delivery channel, with articles
 * going through the real Kafka and Elasticsearch. Alerts are asynchronous now: every check awaits its outcome. That
 * alerts equal search results is {@link AlertEquivalenceIT}.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class AlertDeliveryIT extends AlertPipelineTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    AlertMatcher matcher;

    @Inject
    AlertStreamRelay relay;

    @Test
    void anEntityWatchFiresForEveryArticleMentioningTheEntityUnderAnyAliasAndNoOther() {
        String u = unique();
        String source = "watch-" + u;
        Ent abrego = new Ent("person:kilmar-abrego-garcia-" + u, "Kilmar Ábrego García", EntityType.PERSON, 0.9,
                "Kilmar Ábrego García", "Abrego Garcia", "Ábrego");
        Ent cecot = new Ent("facility:cecot-" + u, "CECOT", EntityType.FACILITY, 0.5, "CECOT");
        String alert = create(Map.of("name", "Abrego " + u, "entity", List.of(abrego.id())));

        Instant t = Instant.parse("2025-04-01T09:00:00Z");
        List<EnrichedArticle> mentioning = List.of(
                article("m1-" + u, source, t, "Kilmar Ábrego García returned", "The court heard the case.", abrego),
                article("m2-" + u, source, t, "Deportation flight", "Lawyers for Abrego Garcia asked questions.",
                        abrego, cecot),
                article("m3-" + u, source, t, "Hearing", "Ábrego was not present at CECOT.", abrego, cecot));
        List<EnrichedArticle> others = List.of(
                article("o1-" + u, source, t, "CECOT tour", "Reporters walked through CECOT.", cecot),
                // Names the person in the text but the NLP did not link him: search would not find it by entity.
                article("o2-" + u, source, t, "Unrelated", "A story about weather and the Abrego river."));
        kafka.send(Stream.concat(mentioning.stream(), others.stream()).toList());

        awaitSearchable(source, 5);
        Set<String> expected = mentioning.stream().map(EnrichedArticle::id).collect(Collectors.toSet());
        await().atMost(WAIT).during(Duration.ofSeconds(2)).until(() -> matchedArticles(alert).equals(expected));
    }

    @Test
    void redeliveryReindexingAndARepeatedBatchFireNothingTwice() throws Exception {
        String u = unique();
        String source = "redeliver-" + u;
        Ent ent = new Ent("organization:harbour-board-" + u, "Harbour Board", EntityType.ORGANIZATION, 0.7,
                "Harbour Board");
        String alert = create(Map.of("name", "harbour " + u, "entity", List.of(ent.id())));
        Map<TopicPartition, Long> alertsEnd = kafka.alertsEnd();
        EnrichedArticle first = article("r1-" + u, source, Instant.parse("2025-06-01T10:00:00Z"),
                "Harbour Board meets", "The Harbour Board met on Monday.", ent);
        kafka.send(first);
        await().atMost(WAIT).until(() -> matchedArticles(alert).equals(Set.of(first.id())));

        // The same event again, then a corrected version (re-indexed with a new title).
        kafka.send(first);
        EnrichedArticle corrected = article(first.id(), source, first.publishedAt(), "Harbour Board meets again",
                first.body(), ent);
        kafka.send(corrected);
        await().atMost(WAIT).until(() -> given().queryParam("source", source).get("/api/search").jsonPath()
                .getList("hits.title").equals(List.of("Harbour Board meets again")));
        // A batch whose offsets were never committed (a restart mid-batch) comes again whole.
        assertThat(matcher.match(List.of(corrected))).isEmpty();

        await().atMost(WAIT).until(() -> kafkaDelivery(alert).get("state").equals("DELIVERED"));
        List<Map<String, Object>> matches = given().get("/api/alerts/" + alert + "/matches").jsonPath()
                .getList("");
        assertThat(matches).hasSize(1);
        Map<String, Object> kafkaDelivery = kafkaDelivery(alert);
        assertThat(kafkaDelivery.get("attempts")).isEqualTo(1);
        assertThat((List<?>) kafkaDelivery.get("log")).hasSize(1);

        // On news.alerts: one record, keyed by the subscription, carrying the match.
        try (ConsumerTask<String, byte[]> published = kafka.alerts(alertsEnd, alert)) {
            published.awaitRecords(1, WAIT);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> published.count() == 1);
            ConsumerRecord<String, byte[]> record = published.getFirstRecord();
            AlertMatch match = EventJson.fromJson(record.value(), AlertMatch.class);
            assertThat(match.id()).isEqualTo(AlertMatch.matchId(alert, first.id()));
            assertThat(match.subscriptionId()).isEqualTo(alert);
        }
    }

    @Test
    void subscriptionsChangedWhileAnArticleWaitsForTheIndexAreMatchedAsTheyAreWhenItIsSearchable() throws Exception {
        String u = unique();
        Ent port = new Ent("organization:port-authority-" + u, "Port Authority", EntityType.ORGANIZATION, 0.7,
                "Port Authority");
        Ent mayor = new Ent("person:ada-quill-" + u, "Ada Quill", EntityType.PERSON, 0.6, "Ada Quill");
        Ent river = new Ent("location:river-ness-" + u, "River Ness", EntityType.LOCATION, 0.3, "River Ness");
        String edited = create(Map.of("name", "port " + u, "entity", List.of(port.id())));
        EnrichedArticle a = article("w1-" + u, "waiting-" + u, Instant.parse("2025-07-01T08:00:00Z"),
                "Port Authority meets the mayor", "The Port Authority met Ada Quill on Tuesday.", port, mayor);

        // Matched in memory when read; the index has not caught up yet.
        PendingMatches pending = matcher.prematch(List.of(a));
        assertThat(pending.matched().get(a.id())).contains(edited);
        assertThat(pending.awaits(a.id())).isTrue();

        // Meanwhile one subscription is edited away from the article and another made that matches it.
        given().contentType(ContentType.JSON).body(Map.of("name", "port " + u, "entity", List.of(river.id())))
                .put("/api/alerts/" + edited).then().statusCode(200);
        String made = create(Map.of("name", "mayor " + u, "entity", List.of(mayor.id())));

        List<AlertMatch> fresh = matcher.record(pending, List.of(a.id()));
        assertThat(fresh).extracting(AlertMatch::subscriptionId).contains(made).doesNotContain(edited);
    }

    @Test
    void aFailingWebhookIsRetriedAndItsSignatureVerifies() throws Exception {
        String u = unique();
        String secret = "secret-" + u;
        AtomicInteger calls = new AtomicInteger();
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        List<String> timestamps = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(in.readAllBytes());
            }
            signatures.add(exchange.getRequestHeaders().getFirst(AlertDispatcher.SIGNATURE_HEADER));
            timestamps.add(exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP_HEADER));
            int status = calls.incrementAndGet() == 1 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            Ent ent = new Ent("person:hook-" + u, "Hook Person", EntityType.PERSON, 0.7, "Hook Person");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            String alert = create(Map.of("name", "hook " + u, "entity", List.of(ent.id()), "webhookUrl", url,
                    "webhookSecret", secret));
            EnrichedArticle a = article("w1-" + u, "hook-" + u, Instant.parse("2025-06-02T10:00:00Z"),
                    "Hook Person speaks", "Hook Person said little.", ent);
            kafka.send(a);

            await().atMost(WAIT).until(() -> "DELIVERED".equals(delivery(alert, "webhook").get("state")));
            assertThat(calls.get()).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                // the signature covers "timestamp.body": the same body under another timestamp does not verify
                long sentAt = Long.parseLong(timestamps.get(i));
                assertThat(sentAt).isBetween(Instant.now().minusSeconds(120).getEpochSecond(),
                        Instant.now().getEpochSecond());
                assertThat(signatures.get(i)).isEqualTo("sha256=" + hmacHex(secret, sentAt + ".", bodies.get(i)))
                        .isNotEqualTo("sha256=" + hmacHex(secret, (sentAt - 600) + ".", bodies.get(i)))
                        .isNotEqualTo("sha256=" + hmacHex(secret, "", bodies.get(i)));
                AlertMatch m = EventJson.fromJson(bodies.get(i), AlertMatch.class);
                assertThat(m.id()).isEqualTo(AlertMatch.matchId(alert, a.id()));
                assertThat(m.articleId()).isEqualTo(a.id());
            }
            Map<String, Object> webhook = delivery(alert, "webhook");
            assertThat(webhook.get("attempts")).isEqualTo(2);
            List<Map<String, Object>> log = castList(webhook.get("log"));
            assertThat(log).extracting(l -> l.get("status")).containsExactly(500, 200);
            assertThat(log.get(0).get("error")).isEqualTo("HTTP 500");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theStreamReceivesMatchesLiveAndTheAtomFeedParses() throws Exception {
        String u = unique();
        Ent ent = new Ent("location:stream-town-" + u, "Stream Town", EntityType.LOCATION, 0.6, "Stream Town");
        String alert = create(Map.of("name", "stream " + u, "entity", List.of(ent.id())));
        String other = create(Map.of("name", "other " + u, "source", List.of("stream-" + u)));

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var response = client.sendAsync(HttpRequest.newBuilder(URI.create(root + "api/alerts/stream?subscription=" + alert))
                .header("Accept", "text/event-stream").header("X-Api-Key", TestKeys.ADMIN).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try (Stream<String> body = response.join().body()) {
                body.forEach(lines::add);
            } catch (RuntimeException closedAtTheEnd) {
                // the test cancels the stream when done
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        await().atMost(WAIT).until(() -> relay.isReady() && response.isDone());
        assertThat(response.join().statusCode()).isEqualTo(200);

        EnrichedArticle a = article("s1-" + u, "stream-" + u, Instant.parse("2025-06-03T10:00:00Z"),
                "News from Stream Town", "Stream Town & its <river>.", ent);
        kafka.send(a);
        await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(a.id())));
        List<AlertMatch> streamed = lines.stream().filter(l -> l.startsWith("data:"))
                .map(l -> EventJson.fromJson(l.substring(5).strip(), AlertMatch.class)).toList();
        assertThat(streamed).extracting(AlertMatch::subscriptionId).containsOnly(alert); // the filter holds
        assertThat(matchedArticles(other)).contains(a.id()); // the other subscription matched too, not streamed here
        response.cancel(true);

        byte[] atom = given().get("/feeds/alerts/" + alert + ".atom").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/atom+xml")).extract().asByteArray();
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).contains("stream " + u);
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getTitle()).isEqualTo("News from Stream Town");
        assertThat(entries.get(0).getLink()).isEqualTo(a.url());
        given().get("/feeds/alerts/no-such-alert.atom").then().statusCode(404);
    }

    private String create(Map<String, Object> definition) {
        String id = given().contentType(ContentType.JSON).body(definition).post("/api/alerts").then()
                .statusCode(201).extract().path("id");
        created.add(id);
        return id;
    }

    private void awaitSearchable(String source, int count) {
        await().atMost(WAIT).until(() -> given().queryParam("source", source).queryParam("size", "0")
                .queryParam("facets", "false").get("/api/search").jsonPath().getInt("total") >= count);
    }

    private Set<String> matchedArticles(String alert) {
        return new HashSet<>(given().queryParam("limit", 500).get("/api/alerts/" + alert + "/matches").then()
                .statusCode(200).extract().jsonPath().getList("match.articleId", String.class));
    }

    private Map<String, Object> kafkaDelivery(String alert) {
        return delivery(alert, "kafka");
    }

    private Map<String, Object> delivery(String alert, String channel) {
        List<Map<String, Object>> deliveries = given().get("/api/alerts/" + alert + "/matches").jsonPath()
                .getList("[0].deliveries");
        if (deliveries == null) {
            return Map.of("state", "NONE");
        }
        return deliveries.stream().filter(d -> channel.equals(d.get("channel"))).findFirst()
                .orElse(Map.of("state", "NONE"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static String hmacHex(String secret, String prefix, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
