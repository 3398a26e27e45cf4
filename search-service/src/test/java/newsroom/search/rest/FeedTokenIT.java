package newsroom.search.rest;

import static io.restassured.RestAssured.given;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.DefaultTestKey;
import newsroom.support.access.testing.TestKeys;

/** Feed tokens: each opens exactly the one feed it was made for, until revoked; only its owner (and admins) see it. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class FeedTokenIT {

    static String readerKey(String name) {
        return given(TestKeys.as(TestKeys.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("role", "reader", "name", name)).post("/api/keys").then().statusCode(201).extract()
                .path("key");
    }

    static String subscription(String key, String name) {
        return given(TestKeys.as(key)).contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/alerts")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath token(String key, String feed) {
        return given(TestKeys.as(key)).contentType(ContentType.JSON).body(Map.of("feed", feed))
                .post("/api/feed-tokens").then().statusCode(201).extract().jsonPath();
    }

    /** GET without any header, the URL sent exactly as given (as a feed reader would). */
    static int fetch(String url) {
        return given().urlEncodingEnabled(false).get(url).statusCode();
    }

    static String tokenOf(String url) {
        String query = URI.create(url).getRawQuery();
        return query.substring(query.indexOf("token=") + "token=".length());
    }

    @Test
    void aSubscriptionFeedTokenOpensThatFeedOnlyUntilRevoked() {
        DefaultTestKey.off();
        String u = unique();
        String alice = readerKey("alice-feed-" + u);
        String bob = readerKey("bob-feed-" + u);
        String mine = subscription(alice, "mine " + u);
        String other = subscription(alice, "other " + u);

        JsonPath created = token(alice, "/feeds/alerts/" + mine + ".atom");
        String url = created.getString("url");
        String token = created.getString("token");
        assertThat(url).contains("/feeds/alerts/" + mine + ".atom?token=nft_").endsWith(token);
        String base = url.substring(0, url.indexOf("/feeds/"));

        assertThat(fetch(base + "/feeds/alerts/" + mine + ".atom")).isEqualTo(401); // no token, no key
        assertThat(given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().contentType())
                .startsWith("application/atom+xml");
        // the token is for that one feed: another subscription's, the search feed, the API all refuse it
        assertThat(fetch(base + "/feeds/alerts/" + other + ".atom?token=" + token)).isEqualTo(401);
        assertThat(fetch(base + "/feeds/search.atom?token=" + token)).isEqualTo(401);
        assertThat(fetch(base + "/api/alerts?token=" + token)).isEqualTo(401);
        assertThat(fetch(base + "/api/feed-tokens?token=" + token)).isEqualTo(401);
        assertThat(fetch(url + "x")).isEqualTo(401);

        // listed for its owner and admins, never with the token; someone else neither sees nor revokes it
        String id = created.getString("id");
        String listed = given(TestKeys.as(alice)).get("/api/feed-tokens").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(listed).getList("id", String.class)).contains(id);
        assertThat(listed).doesNotContain(token);
        assertThat(given(TestKeys.as(bob)).get("/api/feed-tokens").jsonPath().getList("id", String.class))
                .doesNotContain(id);
        assertThat(given(TestKeys.as(TestKeys.ADMIN)).get("/api/feed-tokens").jsonPath().getList("id", String.class))
                .contains(id);
        given(TestKeys.as(bob)).delete("/api/feed-tokens/" + id).then().statusCode(404);
        assertThat(fetch(url)).isEqualTo(200);

        given(TestKeys.as(alice)).delete("/api/feed-tokens/" + id).then().statusCode(204);
        assertThat(fetch(url)).isEqualTo(401);

        List<Map<String, Object>> audit = given(TestKeys.as(TestKeys.ADMIN)).queryParam("kind", "feed-token")
                .queryParam("target", id).get("/api/audit").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).extracting(e -> e.get("action") + " by " + e.get("actor"))
                .containsExactly("revoke by alice-feed-" + u, "create by alice-feed-" + u);
        assertThat(audit.toString()).doesNotContain(token);
    }

    @Test
    void aSearchFeedTokenOpensThatSearchInAnyParameterOrderAndNoOther() {
        DefaultTestKey.off();
        String u = unique();
        String alice = readerKey("alice-search-feed-" + u);
        String url = token(alice, "/feeds/search.atom?q=harbour" + u + "&source=desk-" + u).getString("url");
        String token = tokenOf(url);
        String base = url.substring(0, url.indexOf("/feeds/"));

        assertThat(fetch(url)).isEqualTo(200);
        assertThat(fetch(base + "/feeds/search.atom?source=desk-" + u + "&token=" + token + "&q=harbour" + u))
                .isEqualTo(200);
        assertThat(fetch(base + "/feeds/search.atom?q=harbour" + u + "&token=" + token)).isEqualTo(401);
        assertThat(fetch(base + "/feeds/search.atom?q=other&source=desk-" + u + "&token=" + token)).isEqualTo(401);
        // the page link in the feed does not carry the token
        String atom = given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().asString();
        assertThat(atom.split("token=")).hasSize(2); // only the self link has it
    }

    @Test
    void aTokenIsMadeOnlyForAFeed() {
        DefaultTestKey.off();
        String alice = readerKey("alice-bad-feed-" + unique());
        given(TestKeys.as(alice)).contentType(ContentType.JSON).body(Map.of("feed", "/api/alerts"))
                .post("/api/feed-tokens").then().statusCode(400);
        given(TestKeys.as(alice)).contentType(ContentType.JSON).body(Map.of("feed", "/feeds/alerts/no-such.atom"))
                .post("/api/feed-tokens").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("feed", "/feeds/search.atom")).post("/api/feed-tokens")
                .then().statusCode(401);
    }
}
