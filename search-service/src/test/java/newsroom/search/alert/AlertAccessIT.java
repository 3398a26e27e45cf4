package newsroom.search.alert;

import static io.restassured.RestAssured.given;
import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import newsroom.events.AlertMatch;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.search.alert.messaging.AlertArticleConsumer;
import newsroom.search.alert.messaging.AlertStreamRelay;
import newsroom.search.alert.service.AlertSubscriptions;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.DefaultTestKey;
import newsroom.support.access.testing.TestKeys;

/** Subscriptions have owners: each reader sees, changes and streams only its own; an admin sees all. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertAccessIT {
    static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    @Inject
    AlertStreamRelay relay;

    @Inject
    AlertArticleConsumer consumer;

    AlertKafka kafka;

    @BeforeAll
    void kafka() {
        kafka = new AlertKafka(bootstrap);
        await().atMost(WAIT).until(consumer::isAssigned);
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    /** A new reader key; its name is the owner of what it creates. */
    static String readerKey(String name) {
        return given(TestKeys.as(TestKeys.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("role", "reader", "name", name)).post("/api/keys").then().statusCode(201).extract()
                .path("key");
    }

    static String create(String key, Map<String, Object> definition) {
        return given(TestKeys.as(key)).contentType(ContentType.JSON).body(definition).post("/api/alerts").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void aReaderSeesAndChangesOnlyItsOwnSubscriptionsAndAnAdminSeesAllWithTheAddressMasked() {
        DefaultTestKey.off();
        String u = unique();
        String alice = readerKey("alice-" + u);
        String bob = readerKey("bob-" + u);
        String hook = "http://127.0.0.1:1/hook-" + u;
        String id = create(alice, Map.of("name", "alice's " + u, "q", "harbour" + u, "webhookUrl", hook,
                "webhookSecret", "never-shown-" + u));

        given(TestKeys.as(alice)).get("/api/alerts/" + id).then().statusCode(200).body("owner", org.hamcrest.Matchers
                .equalTo("alice-" + u)).body("webhookUrl", org.hamcrest.Matchers.equalTo(hook));
        assertThat(given(TestKeys.as(alice)).get("/api/alerts").jsonPath().getList("id", String.class)).contains(id);

        // someone else's subscription does not exist for bob: every route answers 404, the list leaves it out
        assertThat(given(TestKeys.as(bob)).get("/api/alerts").jsonPath().getList("id", String.class))
                .doesNotContain(id);
        given(TestKeys.as(bob)).get("/api/alerts/" + id).then().statusCode(404);
        given(TestKeys.as(bob)).get("/api/alerts/" + id + "/matches").then().statusCode(404);
        given(TestKeys.as(bob)).get("/feeds/alerts/" + id + ".atom").then().statusCode(404);
        given(TestKeys.as(bob)).get("/api/alerts/stream?subscription=" + id).then().statusCode(404);
        given(TestKeys.as(bob)).contentType(ContentType.JSON).body(Map.of("name", "taken over"))
                .put("/api/alerts/" + id).then().statusCode(404);
        given(TestKeys.as(bob)).delete("/api/alerts/" + id).then().statusCode(404);
        given(TestKeys.as(bob)).contentType(ContentType.JSON).body(Map.of("feed", "/feeds/alerts/" + id + ".atom"))
                .post("/api/feed-tokens").then().statusCode(404);

        // an admin sees it, with the address masked
        JsonPath asAdmin = given(TestKeys.as(TestKeys.ADMIN)).get("/api/alerts/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(asAdmin.getString("name")).isEqualTo("alice's " + u);
        assertThat(asAdmin.getString("webhookUrl")).isEqualTo(AlertSubscriptions.MASKED);
        assertThat(asAdmin.getBoolean("webhookSigned")).isTrue();
        assertThat(given(TestKeys.as(TestKeys.ADMIN)).get("/api/alerts").jsonPath().getList("id", String.class))
                .contains(id);

        given(TestKeys.as(alice)).contentType(ContentType.JSON).body(Map.of("name", "renamed " + u))
                .put("/api/alerts/" + id).then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("renamed " + u));
        given(TestKeys.as(alice)).get("/api/alerts/" + id).then().statusCode(200);
        given(TestKeys.as(TestKeys.ADMIN)).delete("/api/alerts/" + id).then().statusCode(204);
        given(TestKeys.as(alice)).get("/api/alerts/" + id).then().statusCode(404);

        // every change is in the audit log with its actor; never the secret, never the address
        String audit = given(TestKeys.as(TestKeys.ADMIN)).queryParam("kind", "subscription").queryParam("target", id)
                .get("/api/audit").then().statusCode(200).extract().asString();
        List<Map<String, Object>> entries = JsonPath.from(audit).getList("$");
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("delete", "replace", "create");
        assertThat(entries).extracting(e -> e.get("actor")).containsExactly(entries.get(0).get("actor"),
                "alice-" + u, "alice-" + u);
        assertThat(entries.get(0).get("actor")).isNotEqualTo("alice-" + u); // the admin's key deleted it
        assertThat(audit).doesNotContain("never-shown-" + u).doesNotContain("hook-" + u);
    }

    @Test
    void webhookSecretsAreStoredEncryptedEachWithItsOwnNonce() throws Exception {
        DefaultTestKey.off();
        String u = unique();
        String alice = readerKey("alice-enc-" + u);
        String secret = "the-secret-" + u;
        Map<String, Object> definition = Map.of("name", "enc " + u, "webhookUrl", "http://127.0.0.1:1/hook",
                "webhookSecret", secret);
        String first = create(alice, definition);
        String second = create(alice, definition);
        String storedFirst = storedSecret(first);
        String storedSecond = storedSecret(second);
        assertThat(storedFirst).startsWith("v1:").doesNotContain(secret).isNotEqualTo(storedSecond);
        assertThat(storedSecond).startsWith("v1:").doesNotContain(secret);
        assertThat(new String(java.util.Base64.getDecoder().decode(storedFirst.substring(3)),
                java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        given(TestKeys.as(alice)).get("/api/alerts/" + first).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret)));
        given(TestKeys.as(alice)).delete("/api/alerts/" + first).then().statusCode(204);
        given(TestKeys.as(alice)).delete("/api/alerts/" + second).then().statusCode(204);
    }

    private String storedSecret(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select webhook_secret from search.alert_subscription where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void theStreamSendsAReaderOnlyTheMatchesOfItsOwnSubscriptionsAndAnAdminAll() {
        DefaultTestKey.off();
        String u = unique();
        String alice = readerKey("alice-stream-" + u);
        String bob = readerKey("bob-stream-" + u);
        Ent ent = new Ent("location:owned-town-" + u, "Owned Town", EntityType.LOCATION, 0.6, "Owned Town");
        String alices = create(alice, Map.of("name", "alice " + u, "entity", List.of(ent.id())));
        String bobs = create(bob, Map.of("name", "bob " + u, "entity", List.of(ent.id())));
        try {
            Stream lineOfAlice = open(alice);
            Stream lineOfAdmin = open(TestKeys.ADMIN);
            await().atMost(WAIT).until(() -> relay.isReady() && lineOfAlice.response.isDone()
                    && lineOfAdmin.response.isDone());
            assertThat(lineOfAlice.response.join().statusCode()).isEqualTo(200);
            assertThat(lineOfAdmin.response.join().statusCode()).isEqualTo(200);

            EnrichedArticle a = article("own-" + u, "owned-" + u, Instant.parse("2025-06-05T10:00:00Z"),
                    "News from Owned Town", "Owned Town votes.", ent);
            kafka.send(a);
            // the admin's stream sees both subscriptions' matches; by then alice's has had its chance at bob's
            await().atMost(WAIT).until(() -> lineOfAdmin.subscriptions().containsAll(List.of(alices, bobs)));
            await().atMost(WAIT).until(() -> lineOfAlice.subscriptions().contains(alices));
            // and bob's never arrives on alice's stream, however long it is watched
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> lineOfAlice.subscriptions().stream().allMatch(alices::equals));
            lineOfAlice.response.cancel(true);
            lineOfAdmin.response.cancel(true);
        } finally {
            given(TestKeys.as(alice)).delete("/api/alerts/" + alices);
            given(TestKeys.as(bob)).delete("/api/alerts/" + bobs);
        }
    }

    /** An SSE connection read line by line on a daemon thread. */
    record Stream(CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response, List<String> lines) {
        List<String> subscriptions() {
            return lines.stream().filter(l -> l.startsWith("data:"))
                    .map(l -> EventJson.fromJson(l.substring(5).strip(), AlertMatch.class).subscriptionId()).toList();
        }
    }

    private Stream open(String key) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var response = client.sendAsync(HttpRequest.newBuilder(URI.create(root + "api/alerts/stream"))
                .header("Accept", "text/event-stream").header("X-Api-Key", key).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try (java.util.stream.Stream<String> body = response.join().body()) {
                body.forEach(lines::add);
            } catch (RuntimeException closedAtTheEnd) {
                // the test cancels the stream when done
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return new Stream(response, lines);
    }
}
