package newsroom.e2e;

import newsroom.support.access.testing.TestKeys;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The whole pipeline on real servers: ingest-service → Kafka → nlp-service → Kafka → search-service → Elasticsearch.
 * Every test works under a source name of its own, so it sees only its own articles in the shared test stack. Calls
 * carry the test admin key, whose hash the services get as their bootstrap admin key (as the launcher does).
 */
@ExtendWith(Pipeline.class)
class PipelineIT {

    private static final String ABREGO = "person:kilmar-abrego-garcia";
    private static final Duration SEARCHABLE = Duration.ofSeconds(60);

    /** The three ways the press writes his name, and stories that do not mention him at all. */
    private static final List<String> ABOUT_HIM = List.of(
            "Lawyers for Kilmar Abrego Garcia asked the court in Greenbelt for more time on %s.",
            "Abrego García spoke briefly to reporters outside the courthouse on %s.",
            "Prosecutors said on %s that Abrego Garcia would stay in custody until trial.");
    private static final List<String> NOT_ABOUT_HIM = List.of(
            "The harbour authority opened a second ferry terminal on %s after two years of work.",
            "A late frost on %s damaged apple blossom across the northern valleys, growers said.",
            "The orchestra announced on %s that its winter season would open with a new symphony.");

    @Test
    void anEntitySearchReturnsExactlyTheArticlesThatMentionTheEntity() {
        String source = newSource();
        Set<String> mentioning = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            boolean aboutHim = i % 2 == 0;
            String id = postAccepted(article(source, i, aboutHim));
            all.add(id);
            if (aboutHim) {
                mentioning.add(id);
            }
        }

        await("all 24 articles searchable").atMost(SEARCHABLE)
                .until(() -> search(Map.of("source", source, "size", "100")).getInt("total") == 24);

        JsonPath byEntity = search(Map.of("source", source, "entity", ABREGO, "size", "100"));
        assertThat(byEntity.getInt("total")).isEqualTo(12);
        assertThat(byEntity.getList("hits.id", String.class)).containsExactlyInAnyOrderElementsOf(mentioning);
        assertThat(all).hasSize(24);
    }

    @Test
    void anArticleIsSearchableByEntitySoonAfterItIsAcknowledged() {
        String source = newSource();
        long start = System.nanoTime();
        String id = postAccepted(article(source, 0, true));

        await("searchable by entity").atMost(SEARCHABLE).pollInterval(Duration.ofMillis(100))
                .until(() -> search(Map.of("source", source, "entity", ABREGO)).getList("hits.id").contains(id));

        // A figure for the report, not an assertion on time: speed targets live in the benchmarks.
        System.out.printf("[e2e] acknowledged → searchable by entity in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aRepeatedPostCreatesNoSecondDocument() {
        String source = newSource();
        Map<String, Object> article = article(source, 0, false);
        String first = postAccepted(article);

        JsonPath again = post(article);
        assertThat(again.getString("status")).isEqualTo("duplicate");
        assertThat(again.getString("duplicateOf")).isEqualTo(first);

        Map<String, Object> sameTextOtherUrl = new java.util.HashMap<>(article);
        sameTextOtherUrl.put("url", "https://e2e.example/" + source + "/copy");
        assertThat(post(sameTextOtherUrl).getString("status")).isEqualTo("duplicate");

        await().atMost(SEARCHABLE).until(() -> search(Map.of("source", source)).getInt("total") >= 1);
        assertThat(search(Map.of("source", source)).getList("hits.id", String.class)).containsExactly(first);
    }

    @Test
    void killingTheNlpServiceMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        String source = newSource();
        int total = 80;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < total / 2; i++) {
            acknowledged.add(postAccepted(article(source, i, i % 3 == 0)));
        }
        // Kill it while it is working through the stream: some of the first half enriched, not all.
        await("nlp-service part-way through").atMost(SEARCHABLE).pollInterval(Duration.ofMillis(20))
                .until(() -> search(Map.of("source", source, "size", "0")).getInt("total") > 0);
        Pipeline.nlp.kill9();
        for (int i = total / 2; i < total; i++) {
            acknowledged.add(postAccepted(article(source, i, i % 3 == 0)));
        }
        Pipeline.nlp.start();
        Pipeline.nlp.awaitReady(Duration.ofMinutes(3));

        await("every acknowledged article searchable").atMost(Duration.ofMinutes(2))
                .until(() -> search(Map.of("source", source, "size", "0")).getInt("total") >= total);

        List<String> ids = search(Map.of("source", source, "size", "100")).getList("hits.id", String.class);
        assertThat(search(Map.of("source", source, "size", "0")).getInt("total")).isEqualTo(total);
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    @Test
    void withoutAKeyEveryNonHealthEndpointIsRefusedAndAReaderKeyOnlyReadsAndSearches() {
        Map<String, String> wrong = new java.util.TreeMap<>();
        String reader = PackagedAccess.newKey(Pipeline.search, "reader", "e2e-reader-" + newSource());
        for (ServiceProcess service : Pipeline.all()) {
            List<String> operations = PackagedAccess.operations(service);
            assertThat(operations).as(service.name() + " operations").hasSizeGreaterThan(3);
            wrong.putAll(PackagedAccess.notAnswering(service, operations, null, 401));
            wrong.putAll(PackagedAccess.notAnswering(service, List.of("GET /q/metrics", "GET /q/openapi"), null, 401,
                    false));
            PackagedAccess.assertOpen(service, "/q/health/ready");
            PackagedAccess.assertOpen(service, "/q/health/live");

            List<String> forbidden = operations.stream()
                    .filter(o -> PackagedAccess.READER_FORBIDDEN.test(service.name(), o)).toList();
            assertThat(forbidden).as(service.name() + ": key endpoints at least").contains("POST /api/keys",
                    "GET /api/keys", "DELETE /api/keys/{id}");
            // the reader key was made on the search-service: the other two know it through the shared access schema
            wrong.putAll(PackagedAccess.notAnswering(service, forbidden, reader, 403));
        }
        assertThat(wrong).as("operations answering wrongly (no key: 401, reader on ingest/curation/keys: 403)")
                .isEmpty();

        JsonPath found = given(TestKeys.as(reader)).baseUri(Pipeline.search.baseUrl()).queryParam("q", "hearing")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(found.getInt("total")).isGreaterThanOrEqualTo(0);
        given(TestKeys.as(reader)).baseUri(Pipeline.nlp.baseUrl()).get("/api/entities?q=abrego")
                .then().statusCode(200);
        // what the reader may not do on the ingest side, spelled out (the walk above covers it too)
        given(TestKeys.as(reader)).baseUri(Pipeline.ingest.baseUrl()).contentType(ContentType.JSON)
                .body(article(newSource(), 0, true)).post("/api/articles").then().statusCode(403);
        given(TestKeys.as(reader)).baseUri(Pipeline.nlp.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("fromId", "person:x")).post("/api/entities/person:y/merge").then().statusCode(403);
    }

    // --- helpers over the public HTTP APIs ---

    private static String newSource() {
        return "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> article(String source, int n, boolean aboutHim) {
        List<String> templates = aboutHim ? ABOUT_HIM : NOT_ABOUT_HIM;
        String day = "day " + (n + 1) + " of the hearing";
        String body = templates.get(n % templates.size()).formatted(day)
                + " Reference " + source + "-" + n + " was filed by the desk.";
        return Map.of(
                "url", "https://e2e.example/" + source + "/" + n,
                "source", source,
                "title", (aboutHim ? "Court update " : "Regional briefing ") + n,
                "body", body,
                "publishedAt", "2025-05-%02dT10:00:00Z".formatted(1 + n % 28),
                "language", "en");
    }

    private static JsonPath post(Map<String, Object> article) {
        return given(TestKeys.as(TestKeys.ADMIN)).baseUri(Pipeline.ingest.baseUrl()).contentType(ContentType.JSON)
                .body(article)
                .when().post("/api/articles")
                .then().statusCode(202).extract().jsonPath();
    }

    private static String postAccepted(Map<String, Object> article) {
        JsonPath answer = post(article);
        assertThat(answer.getString("status")).isEqualTo("accepted");
        return answer.getString("id");
    }

    private static JsonPath search(Map<String, String> params) {
        return given(TestKeys.as(TestKeys.ADMIN)).baseUri(Pipeline.search.baseUrl()).queryParams(params)
                .when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
    }
}
