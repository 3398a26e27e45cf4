package newsroom.search.story;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import newsroom.events.EnrichedArticle;
import newsroom.search.EnrichedArticles;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.DefaultTestKey;
import newsroom.support.access.testing.TestKeys;

/** A story's Atom feed: newest article first, read by a feed reader with a token made for that one story's feed. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class StoryFeedIT {
    static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aReaderMakesATokenForAStoryFeedThatListsItsArticlesNewestFirst() throws Exception {
        StoryFixtures f = new StoryFixtures();
        try (EnrichedArticles kafka = new EnrichedArticles(bootstrap)) {
            for (EnrichedArticle a : List.of(f.strikeWire(), f.strikeDaily(), f.strikeRadio(), f.distractor())) {
                kafka.send(a);
                await().atMost(WAIT).until(() -> StoryAssignmentIT.stories(f.union.id()).containsKey(a.id()));
            }
        }
        Map<String, String> stories = StoryAssignmentIT.stories(f.union.id());
        String strike = stories.get(f.strikeWire().id());
        String other = stories.get(f.distractor().id());
        assertThat(other).isNotEqualTo(strike);

        DefaultTestKey.off();
        String reader = given(TestKeys.as(TestKeys.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("role", "reader", "name", "story-feed-" + f.u)).post("/api/keys").then().statusCode(201)
                .extract().path("key");
        String feed = "/feeds/stories/" + strike + ".atom";
        String url = given(TestKeys.as(reader)).contentType(ContentType.JSON).body(Map.of("feed", feed))
                .post("/api/feed-tokens").then().statusCode(201).extract().path("url");
        assertThat(url).contains(feed + "?token=nft_");
        String token = url.substring(url.indexOf("token=") + "token=".length());
        String base = url.substring(0, url.indexOf("/feeds/"));

        // a feed reader sends no header: the token opens this story's feed
        byte[] atom = given().urlEncodingEnabled(false).get(url).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/atom+xml")).extract().asByteArray();
        SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom)));
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(parsed.getTitle()).contains(f.strikeWire().title()).contains("3 articles");
        List<SyndEntry> entries = parsed.getEntries();
        assertThat(entries).extracting(SyndEntry::getTitle).containsExactly(f.strikeRadio().title(),
                f.strikeDaily().title(), f.strikeWire().title());
        assertThat(entries.get(0).getLink()).isEqualTo(f.strikeRadio().url());
        assertThat(new String(atom, java.nio.charset.StandardCharsets.UTF_8).split("token=")).hasSize(2); // self only

        // only that feed: not another story's, not the API, not without the token
        assertThat(fetch(base + "/feeds/stories/" + other + ".atom?token=" + token)).isEqualTo(401);
        assertThat(fetch(base + "/api/stories/" + strike + "?token=" + token)).isEqualTo(401);
        assertThat(fetch(base + feed)).isEqualTo(401);

        // a token only for a story that exists; a key reads any story's feed
        given(TestKeys.as(reader)).contentType(ContentType.JSON).body(Map.of("feed", "/feeds/stories/s-none-" + f.u
                + ".atom")).post("/api/feed-tokens").then().statusCode(404);
        given(TestKeys.as(reader)).get("/feeds/stories/" + other + ".atom").then().statusCode(200);
        given(TestKeys.as(reader)).get("/feeds/stories/s-none-" + f.u + ".atom").then().statusCode(404);

        // revoked: 401 from then on
        String id = given(TestKeys.as(reader)).get("/api/feed-tokens").then().statusCode(200).extract().jsonPath()
                .getString("find { it.feed == '" + feed + "' }.id");
        given(TestKeys.as(reader)).delete("/api/feed-tokens/" + id).then().statusCode(204);
        assertThat(fetch(url)).isEqualTo(401);
    }

    private static int fetch(String url) {
        return given().urlEncodingEnabled(false).get(url).statusCode();
    }
}
