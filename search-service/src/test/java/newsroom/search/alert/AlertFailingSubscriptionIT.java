package newsroom.search.alert;

import static io.restassured.RestAssured.given;
import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.search.alert.repository.SubscriptionFailures;
import newsroom.stack.testing.LocalStackTestResource;

/** A subscription Elasticsearch rejects is marked failing; the others match as if it were not there. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class AlertFailingSubscriptionIT extends AlertPipelineTest {
    @Inject
    SubscriptionFailures failures;

    /** Every two-letter word, in the order of the alphabet. */
    static List<String> twoLetterWords() {
        List<String> words = new ArrayList<>();
        for (char x = 'a'; x <= 'z'; x++) {
            for (char y = 'a'; y <= 'z'; y++) {
                words.add("" + x + y);
            }
        }
        return words;
    }

    /**
     * Valid /api/search parameters (960 characters: 240 fuzzy two-letter words) that Elasticsearch refuses once the
     * index holds the two-letter words: each fuzzy word expands to up to 50 terms in each of the four fields searched,
     * some 48,000 clauses where the test stack's Elasticsearch allows a few thousand ("too many clauses").
     */
    static String tooManyClauses() {
        return String.join(" ", twoLetterWords().stream().limit(240).map(w -> w + "~").toList());
    }

    @Test
    void aRejectedSubscriptionIsMarkedFailingAndTheOthersStillFire() {
        String u = unique();
        String source = "failing-" + u;
        Ent ent = new Ent("organization:river-council-" + u, "River Council", EntityType.ORGANIZATION, 0.8,
                "River Council");
        String byEntity = create(Map.of("name", "entity " + u, "entity", List.of(ent.id())));
        String rejected = create(Map.of("name", "rejected " + u, "q", tooManyClauses(), "source", List.of(source)));
        String bySource = create(Map.of("name", "source " + u, "source", List.of(source)));
        // A subscription that failed before and works now: its mark goes with the next successful match.
        failures.markFailing(Map.of(bySource, "an earlier failure"));
        assertThat(alert(bySource)).containsEntry("lastError", "an earlier failure");
        // Marked in PostgreSQL as another instance would: the monitor learns it from there.
        await().atMost(WAIT).until(() -> monitor.isFailing(bySource));
        double failuresBefore = failureCount();
        String words = String.join(" ", twoLetterWords());
        kafka.send(article("seed-" + u, "seed-" + u, Instant.parse("2025-07-01T07:00:00Z"), "Letters",
                "Every pair of letters: " + words));
        await().atMost(WAIT).until(() -> given().queryParam("source", "seed-" + u).queryParam("facets", "false")
                .get("/api/search").jsonPath().getInt("total") == 1);

        EnrichedArticle a = article("f1-" + u, source, Instant.parse("2025-07-01T08:00:00Z"), "River Council votes",
                "The River Council voted on the new bridge.", ent);
        kafka.send(a);

        await().atMost(WAIT).until(() -> matchedArticles(byEntity).equals(Set.of(a.id()))
                && matchedArticles(bySource).equals(Set.of(a.id())));
        await().atMost(WAIT).until(() -> alert(rejected).get("failingSince") != null);
        Map<String, Object> failing = alert(rejected);
        assertThat((String) failing.get("lastError")).startsWith("Elasticsearch rejected the search (")
                .containsIgnoringCase("clause");
        assertThat(matchedArticles(rejected)).isEmpty();
        assertThat(alert(bySource)).containsEntry("failingSince", null).containsEntry("lastError", null);
        assertThat(alert(byEntity)).containsEntry("failingSince", null);
        List<Map<String, Object>> listed = given().get("/api/alerts").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.id == '" + rejected + "' }");
        assertThat(listed).singleElement().satisfies(s -> assertThat(s.get("lastError")).isNotNull());
        assertThat(failureCount()).isEqualTo(failuresBefore + 1);

        // Still failing with the next article: tried again, but neither counted nor logged as a new failure.
        EnrichedArticle again = article("f1b-" + u, source, Instant.parse("2025-07-01T08:30:00Z"),
                "River Council again", "The River Council met again about the bridge.", ent);
        kafka.send(again);
        await().atMost(WAIT).until(() -> matchedArticles(bySource).contains(again.id()));
        assertThat(alert(rejected).get("failingSince")).isNotNull();
        assertThat(matchedArticles(rejected)).isEmpty();
        assertThat(failureCount()).isEqualTo(failuresBefore + 1);

        // A new definition starts afresh; the next article matches it.
        given().contentType(ContentType.JSON).body(Map.of("name", "fixed " + u, "source", List.of(source)))
                .put("/api/alerts/" + rejected).then().statusCode(200)
                .body("failingSince", org.hamcrest.Matchers.nullValue());
        EnrichedArticle b = article("f2-" + u, source, Instant.parse("2025-07-01T09:00:00Z"), "Bridge approved",
                "The bridge was approved.");
        kafka.send(b);
        await().atMost(WAIT).until(() -> matchedArticles(rejected).equals(Set.of(b.id())));
        assertThat(alert(rejected).get("failingSince")).isNull();
    }

    private String create(Map<String, Object> definition) {
        String id = given().contentType(ContentType.JSON).body(definition).post("/api/alerts").then()
                .statusCode(201).extract().path("id");
        created.add(id);
        return id;
    }

    private Map<String, Object> alert(String id) {
        return given().get("/api/alerts/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private Set<String> matchedArticles(String alert) {
        return new HashSet<>(given().get("/api/alerts/" + alert + "/matches").then().statusCode(200).extract()
                .jsonPath().getList("match.articleId", String.class));
    }

    private static double failureCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^newsroom_alerts_subscription_failures_total(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
