package newsroom.search.story;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import newsroom.events.EnrichedArticle;
import newsroom.search.EnrichedArticles;
import newsroom.search.alert.AlertPipelineTest;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * Alert subscriptions {@code per: story}: once per story, however many of its articles match, also across a merge;
 * {@code per: article} (the default) once per article. Through Kafka, the indexer's story assignment and the alert
 * consumer on the real stack.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class StoryAlertIT extends AlertPipelineTest {

    @Test
    void perIsArticleByDefaultStoryWhenAskedAndNothingElse() {
        String u = EnrichedArticles.unique();
        String plain = create(Map.of("name", "plain " + u, "q", "harbour"));
        assertThat(given().get("/api/alerts/" + plain).then().statusCode(200).extract().path("per").toString())
                .isEqualTo("article");
        String story = create(Map.of("name", "story " + u, "q", "harbour", "per", "story"));
        assertThat(given().get("/api/alerts/" + story).then().extract().path("per").toString()).isEqualTo("story");
        given().contentType(ContentType.JSON).body(Map.of("name", "story " + u, "q", "harbour", "per", "article"))
                .put("/api/alerts/" + story).then().statusCode(200).body("per", org.hamcrest.Matchers.equalTo("article"));
        given().contentType(ContentType.JSON).body(Map.of("name", "bad " + u, "per", "chapter")).post("/api/alerts")
                .then().statusCode(400).body("details", org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.startsWith("per: must be article")));
    }

    @Test
    void threeRewritesOfOneEventFireAPerStorySubscriptionOnceAndAPerArticleOneThreeTimes() {
        StoryFixtures f = new StoryFixtures();
        String once = create(Map.of("name", "strike story " + f.u, "entity", List.of(f.union.id()), "per", "story"));
        String each = create(Map.of("name", "strike articles " + f.u, "entity", List.of(f.union.id())));
        List<EnrichedArticle> rewrites = List.of(f.strikeWire(), f.strikeDaily(), f.strikeRadio());
        sendOneAtATime(f.union.id(), rewrites);
        Map<String, String> stories = StoryAssignmentIT.stories(f.union.id());
        assertThat(stories.values()).as("the rewrites are one story").containsOnly(stories.get(f.strikeWire().id()));

        await("three article matches").atMost(WAIT).until(() -> matched(each).size() == 3);
        // both subscriptions' matches of an article are recorded in one transaction: the per-story one is decided
        assertThat(matched(once)).containsExactly(f.strikeWire().id());
        assertThat(matched(each)).containsExactlyInAnyOrderElementsOf(rewrites.stream().map(EnrichedArticle::id)
                .toList());
        // its one alert goes out on every channel as any other (news.alerts here)
        await("delivered").atMost(WAIT).until(() -> "DELIVERED".equals(given().get("/api/alerts/" + once + "/matches")
                .jsonPath().getString("[0].deliveries.find { it.channel == 'kafka' }.state")));

        // a later article of the same story does not fire it again; an article of another story does
        sendOneAtATime(f.union.id(), List.of(f.distractor()));
        await("four article matches").atMost(WAIT).until(() -> matched(each).size() == 4);
        assertThat(matched(once)).containsExactlyInAnyOrder(f.strikeWire().id(), f.distractor().id());
    }

    @Test
    void aStoryThatFiredStillCountsAfterAMergeAbsorbsIt() {
        StoryFixtures f = new StoryFixtures();
        String once = create(Map.of("name", "detour story " + f.u, "entity", List.of(f.transit.id()), "per", "story"));
        String each = create(Map.of("name", "detour articles " + f.u, "entity", List.of(f.transit.id())));
        sendOneAtATime(f.bridge.id(), List.of(f.closureOne(), f.closureTwo()));
        sendOneAtATime(f.transit.id(), List.of(f.detourOne(), f.detourTwo()));
        await("two article matches").atMost(WAIT).until(() -> matched(each).size() == 2);
        assertThat(matched(once)).containsExactly(f.detourOne().id());

        // the bridging article merges the detour story into the older closure story, and matches the subscription
        kafka.send(f.bridging());
        await("merged").atMost(WAIT).until(() -> StoryAssignmentIT.stories(f.transit.id()).values().stream()
                .allMatch(("s-" + f.closureOne().id())::equals) && StoryAssignmentIT.stories(f.transit.id()).size() == 3);
        await("three article matches").atMost(WAIT).until(() -> matched(each).size() == 3);
        assertThat(matched(once)).as("the detour story fired before it was absorbed").containsExactly(f.detourOne().id());
    }

    private void sendOneAtATime(String entity, List<EnrichedArticle> articles) {
        for (EnrichedArticle a : articles) { // each finds the earlier ones through the candidate search
            kafka.send(a);
            await().atMost(WAIT).until(() -> StoryAssignmentIT.stories(entity).containsKey(a.id()));
        }
    }

    private String create(Map<String, Object> definition) {
        String id = given().contentType(ContentType.JSON).body(definition).post("/api/alerts").then().statusCode(201)
                .extract().path("id");
        created.add(id);
        return id;
    }

    private static List<String> matched(String alert) {
        return given().queryParam("limit", 500).get("/api/alerts/" + alert + "/matches").then().statusCode(200)
                .extract().jsonPath().getList("match.articleId", String.class);
    }
}
