package newsroom.search;

import static io.restassured.RestAssured.given;
import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.stack.testing.LocalStackTestResource;

/** Kafka → indexer → Elasticsearch → /api/search, all on the real test stack. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class SearchIndexingIT extends EnrichedArticlesTest {
    static final Duration SEARCHABLE = Duration.ofSeconds(60);

    @Test
    void anEnrichedArticleBecomesSearchableByTextAndByEntity() {
        String source = "src-" + unique();
        String word = "zq" + unique();
        String person = "person:kilmar-abrego-garcia-" + unique();
        String id = "a-" + unique();
        kafka.send(article(id, source, Instant.parse("2025-04-02T09:00:00Z"),
                "Court orders return of Kilmar Ábrego García",
                "Judges said García was removed by mistake; the " + word + " ruling names the Salvadoran prison.",
                new Ent(person, "Kilmar Abrego Garcia", EntityType.PERSON, 0.9, "Kilmar Ábrego García", "García")));

        await("searchable by text").atMost(SEARCHABLE)
                .until(() -> search(Map.of("q", word)).getList("hits.id").contains(id));
        JsonPath byEntity = search(Map.of("entity", person));
        assertThat(byEntity.getList("hits.id", String.class)).containsExactly(id);
        assertThat(byEntity.getString("hits[0].title")).isEqualTo("Court orders return of Kilmar Ábrego García");
        assertThat(byEntity.getString("hits[0].url")).isEqualTo("https://news.example/" + source + "/" + id);
        assertThat(byEntity.getString("hits[0].source")).isEqualTo(source);
        assertThat(byEntity.getString("hits[0].publishedAt")).isEqualTo("2025-04-02T09:00:00Z");
        assertThat(byEntity.getList("hits[0].entities.id", String.class)).containsExactly(person);
        assertThat(byEntity.getString("hits[0].entities[0].name")).isEqualTo("Kilmar Abrego Garcia");
        assertThat(byEntity.getInt("hits[0].entities[0].count")).isEqualTo(2);
        assertThat(byEntity.getLong("total")).isEqualTo(1);
        assertThat(byEntity.getList("facets.entities.PERSON.id", String.class)).containsExactly(person);
        assertThat(byEntity.getList("facets.entities.PERSON.name", String.class))
                .containsExactly("Kilmar Abrego Garcia");
        assertThat(byEntity.getList("facets.sources.value", String.class)).containsExactly(source);
        assertThat(byEntity.getList("facets.dates.count", Integer.class)).containsExactly(1);
    }

    @Test
    void accentsAndCaseDoNotMatterAndHighlightsAreEscaped() {
        String source = "src-" + unique();
        String word = "zq" + unique();
        String id = "a-" + unique();
        kafka.send(article(id, source, Instant.parse("2025-04-03T09:00:00Z"), "Ábrego García speaks " + word,
                "A reader wrote <script>alert('x')</script> and <img src=x onerror=alert(1)> next to García, the name."));

        await().atMost(SEARCHABLE).until(() -> search(Map.of("source", source)).getInt("total") == 1);
        JsonPath folded = search(Map.of("q", "garcia " + word.toUpperCase(), "source", source));
        assertThat(folded.getList("hits.id", String.class)).containsExactly(id);
        assertThat(folded.getString("hits[0].highlights.title[0]"))
                .isEqualTo("Ábrego <mark>García</mark> speaks <mark>" + word + "</mark>");
        String body = folded.getString("hits[0].highlights.body[0]");
        assertThat(body).contains("&lt;script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("<mark>García</mark>").doesNotContain("<script").doesNotContain("<img");
        // The accented spelling finds the unaccented fold too, and exact text still works.
        assertThat(search(Map.of("q", "ÁBREGO", "source", source)).getList("hits.id")).containsExactly(id);
        assertThat(search(Map.of("q", "abrego -" + word, "source", source)).getInt("total")).isZero();
    }

    @Test
    void aRedeliveredArticleLeavesOneDocumentWithTheLatestContent() {
        String source = "src-" + unique();
        String id = "a-" + unique();
        EnrichedArticle first = article(id, source, Instant.parse("2025-04-04T09:00:00Z"), "First version", "Body one.");
        kafka.send(first);
        kafka.send(first);
        kafka.send(article(id, source, Instant.parse("2025-04-04T09:00:00Z"), "Second version", "Body two."));

        await().atMost(SEARCHABLE).until(() -> "Second version".equals(
                search(Map.of("source", source)).getString("hits[0].title")));
        JsonPath result = search(Map.of("source", source));
        assertThat(result.getInt("total")).isEqualTo(1);
        assertThat(result.getList("hits.id", String.class)).containsExactly(id);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicOneByOneWithTheirReasonsAndTheRestIsIndexed() {
        String source = "src-" + unique();
        String rejected = "a-" + unique();
        String broken = "broken-" + unique();
        String noId = "no-id-" + unique();
        List<String> fine = List.of("a-" + unique(), "a-" + unique(), "a-" + unique());
        kafka.send(article(fine.get(0), source, Instant.now(), "Fine before", "Body."));
        // A keyword longer than Lucene's 32766-byte term limit: Elasticsearch refuses the document.
        kafka.send(article(rejected, "s".repeat(33_000), Instant.now(), "Too long", "Body."));
        kafka.sendRaw(broken, "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(article(fine.get(1), source, Instant.now(), "Fine between", "Body."));
        kafka.sendRaw(noId, ("{\"schemaVersion\":1,\"title\":\"An article nobody named\",\"body\":\"Text.\"}")
                .getBytes(StandardCharsets.UTF_8));
        kafka.send(article(fine.get(2), source, Instant.now(), "Fine after", "Body."));

        await().atMost(SEARCHABLE).until(() -> search(Map.of("source", source)).getInt("total") == 3);
        assertThat(ids(search(Map.of("source", source)))).containsExactlyInAnyOrderElementsOf(fine);

        await().atMost(SEARCHABLE).until(() -> !kafka.deadLetters(rejected).isEmpty());
        ConsumerRecord<String, byte[]> letter = kafka.deadLetters(rejected).get(0);
        Map<String, String> headers = EnrichedArticles.headers(letter);
        assertThat(headers.get("dead-letter-reason")).startsWith("Elasticsearch rejected the document (400)")
                .contains("failed to parse field");
        assertThat(headers.get("dead-letter-cause")).isEqualTo("ElasticsearchRejection");
        assertThat(headers.get("dead-letter-topic")).isEqualTo("news.articles.enriched");
        assertThat(headers).containsKeys("dead-letter-partition", "dead-letter-offset");
        assertThat(EventJson.fromJson(letter.value(), EnrichedArticle.class).id()).isEqualTo(rejected);

        await().atMost(SEARCHABLE).until(() -> !kafka.deadLetters(broken).isEmpty());
        ConsumerRecord<String, byte[]> unreadable = kafka.deadLetters(broken).get(0);
        assertThat(EnrichedArticles.headers(unreadable).get("dead-letter-reason"))
                .startsWith("unreadable EnrichedArticle JSON");
        assertThat(new String(unreadable.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        await().atMost(SEARCHABLE).until(() -> !kafka.deadLetters(noId).isEmpty());
        assertThat(EnrichedArticles.headers(kafka.deadLetters(noId).get(0)).get("dead-letter-reason"))
                .isEqualTo("article without an id");
        // One letter per poison record, none for the good ones.
        assertThat(kafka.deadLetters(rejected)).hasSize(1);
        assertThat(kafka.deadLetters(broken)).hasSize(1);
        fine.forEach(id -> assertThat(kafka.deadLetters(id)).isEmpty());
    }

    @Test
    void badParametersAreA400WithAJsonBody() {
        given().queryParam("size", "1000").queryParam("sort", "loudness")
                .when().get("/api/search")
                .then().statusCode(400).contentType("application/json")
                .body("error", equalTo("invalid search parameters"))
                .body("details", hasItem("size: must be between 0 and 100"))
                .body("details", hasItem("sort: must be relevance or date"));
        given().queryParam("cursor", "garbage!").when().get("/api/search")
                .then().statusCode(400).body("details[0]", equalTo("cursor: not a cursor this service issued"));
        // User text is never query DSL: operators and JSON-looking input are just text.
        given().queryParam("q", "{\"match_all\":{}} OR *:* \" ( ]").when().get("/api/search")
                .then().statusCode(200);
    }

    @Test
    void healthOpenApiAndMetricsAreServed() {
        // Kafka's readiness is the connector's own check, which covers every channel.
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("elasticsearch"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data",
                        hasKey("enriched-articles"));
        given().when().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("indexer"))
                .body("checks.find { it.name == 'indexer' }.data.stallTimeout", equalTo("PT5M"));
        assertThat(given().when().get("/q/openapi").then().statusCode(200).extract().asString())
                .contains("/api/search").contains("/api/entities/{id}").contains("/feeds/search.atom");
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("newsroom_search_indexed_total").contains("newsroom_search_bulk_seconds");
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(JsonPath result) {
        return result.getList("hits.id", String.class);
    }
}
