package newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import newsroom.ingest.repository.ArticleRecord;
import newsroom.ingest.repository.OutboxMessage;
import newsroom.stack.testing.LocalStackTestResource;

/** One article at a time through the REST API, on the real test stack (PostgreSQL and Kafka). */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class ArticleIngestTest {
    private static final Duration ON_TOPIC = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    RawTopicWatcher topic;
    String run;

    @BeforeEach
    void watchTopic() {
        topic = new RawTopicWatcher(bootstrapServers);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void anAcceptedArticleIsStoredAndPublishedOnce() {
        Map<String, Object> article = article("https://ingest-it.example/" + run + "/harbour?utm_source=rss#top");
        article.put("publishedAt", "2026-11-20T08:30:00Z");
        article.put("language", "en");

        JsonPath answer = post(article).then().statusCode(202).extract().jsonPath();
        String id = answer.getString("id");
        assertThat(answer.getString("status")).isEqualTo("accepted");
        assertThat(answer.getString("duplicateOf")).isNull();
        assertThat(id).hasSize(24);

        await().atMost(ON_TOPIC).until(() -> !topic.forKey(id).isEmpty());
        RawTopicWatcher.Received received = topic.forKey(id).get(0);
        assertThat(received.headers()).containsEntry("schemaVersion", "1");
        assertThat(received.article().id()).isEqualTo(id);
        assertThat(received.article().url()).isEqualTo(article.get("url"));
        assertThat(received.article().source()).isEqualTo("ingest-it-" + run);
        assertThat(received.article().body()).contains("ferry timetable " + run);
        assertThat(received.article().contentHash()).hasSize(64);
        assertThat(received.article().publishedAt()).hasToString("2026-11-20T08:30:00Z");
        assertThat(received.article().receivedAt()).isNotNull();

        JsonPath record = given().get("/api/articles/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(record.getString("canonicalUrl")).isEqualTo("https://ingest-it.example/" + run + "/harbour");
        assertThat(record.getString("title")).isEqualTo(article.get("title"));
        assertThat(record.getString("language")).isEqualTo("en");
        await().atMost(ON_TOPIC).until(() -> sentAt(id) != null);
    }

    @Test
    void theSameCanonicalUrlAgainIsADuplicateAndNothingMoreIsPublished() {
        Map<String, Object> first = article("https://ingest-it.example/" + run + "/storm");
        String id = accepted(first);
        await().atMost(ON_TOPIC).until(() -> !topic.forKey(id).isEmpty());

        Map<String, Object> again = article("HTTPS://Ingest-IT.example/" + run + "/storm/?utm_medium=social#x");
        again.put("body", "A rewritten text under the same address " + run);
        JsonPath answer = post(again).then().statusCode(202).extract().jsonPath();
        assertThat(answer.getString("status")).isEqualTo("duplicate");
        assertThat(answer.getString("duplicateOf")).isEqualTo(id);
        assertThat(answer.getString("id")).isEqualTo(id);

        assertNothingMorePublishedFor(id);
    }

    @Test
    void theSameNormalizedTextUnderAnotherUrlIsADuplicate() {
        Map<String, Object> first = article("https://ingest-it.example/" + run + "/original");
        String id = accepted(first);
        await().atMost(ON_TOPIC).until(() -> !topic.forKey(id).isEmpty());

        Map<String, Object> copy = article("https://mirror-it.example/" + run + "/copy");
        copy.put("title", ((String) first.get("title")).toUpperCase());
        copy.put("body", "  " + ((String) first.get("body")).replace(" ", "   \n") + "\n");
        JsonPath answer = post(copy).then().statusCode(202).extract().jsonPath();
        assertThat(answer.getString("status")).isEqualTo("duplicate");
        assertThat(answer.getString("duplicateOf")).isEqualTo(id);

        String copyId = ArticleIds.of(CanonicalUrl.of((String) copy.get("url")), "unused");
        ArticleRecord stored = QuarkusTransaction.requiringNew().call(() -> ArticleRecord.<ArticleRecord>findById(copyId));
        assertThat(stored).isNull();
        assertNothingMorePublishedFor(id);
        assertThat(topic.forKey(copyId)).isEmpty();
    }

    @Test
    void withoutUrlTheIdComesFromTheTextAndRepeatsAreDuplicates() {
        Map<String, Object> article = article(null);
        article.remove("url");
        String id = accepted(article);
        assertThat(id).isEqualTo(ArticleIds.of(null, ContentFingerprint.of((String) article.get("title"), (String) article.get("body"))));
        JsonPath again = post(article).then().statusCode(202).extract().jsonPath();
        assertThat(again.getString("status")).isEqualTo("duplicate");
        assertThat(again.getString("duplicateOf")).isEqualTo(id);
    }

    @Test
    void htmlBodiesAreStoredAsCleanText() {
        Map<String, Object> article = article("https://ingest-it.example/" + run + "/html");
        article.put("body", "<div><script>var x=1;</script><nav>Menu</nav><p>First paragraph " + run
                + ".</p><p>Second <em>paragraph</em>.</p></div>");
        String id = accepted(article);
        String body = given().get("/api/articles/" + id).then().statusCode(200).extract().jsonPath().getString("body");
        assertThat(body).isEqualTo("First paragraph " + run + ".\n\nSecond paragraph.");
    }

    @Test
    void readinessCoversTheDatabaseAndKafkaAndTheApiIsDescribed() {
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(ready).contains("Kafka connection health check", "Database connections health check");
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/api/articles/batch"));
    }

    @Test
    void anUnknownIdIs404Json() {
        given().get("/api/articles/ffffffffffffffffffffffff").then().statusCode(404)
                .contentType(ContentType.JSON).body("error", org.hamcrest.Matchers.notNullValue())
                .body("details", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void theListingByTimeReturnsRecentArticlesOldestFirst() {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        String a = accepted(article("https://ingest-it.example/" + run + "/list-a"));
        Map<String, Object> second = article("https://ingest-it.example/" + run + "/list-b");
        second.put("body", "Another text entirely " + run);
        String b = accepted(second);
        List<String> ids = given().queryParam("since", since).queryParam("limit", 1000)
                .get("/api/articles").then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(ids).containsSubsequence(a, b);
        given().queryParam("since", "yesterday").get("/api/articles").then().statusCode(400).body("details[0]",
                org.hamcrest.Matchers.startsWith("since"));
    }

    private void assertNothingMorePublishedFor(String id) {
        // a marker posted after the duplicate: once it is on the topic, anything the duplicate caused would be too
        Map<String, Object> marker = article("https://ingest-it.example/" + run + "/marker");
        marker.put("body", "Marker text " + UUID.randomUUID());
        String markerId = accepted(marker);
        await().atMost(ON_TOPIC).until(() -> !topic.forKey(markerId).isEmpty());
        topic.catchUp();
        assertThat(topic.forKey(id)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("articleId", id))).isEqualTo(1);
    }

    private java.time.Instant sentAt(String id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("articleId", id)
                .firstResult().sentAt);
    }

    private String accepted(Map<String, Object> article) {
        JsonPath answer = post(article).then().statusCode(202).extract().jsonPath();
        assertThat(answer.getString("status")).isEqualTo("accepted");
        return answer.getString("id");
    }

    private static io.restassured.response.Response post(Map<String, Object> article) {
        return given().contentType(ContentType.JSON).body(article).post("/api/articles");
    }

    private Map<String, Object> article(String url) {
        Map<String, Object> a = new HashMap<>();
        a.put("url", url);
        a.put("source", "ingest-it-" + run);
        a.put("title", "Harbour reopens after storms " + run);
        a.put("body", "The harbour reopened on Tuesday and the ferry timetable " + run + " is back to normal.");
        return a;
    }
}
