package newsroom.search;

import static io.restassured.RestAssured.given;
import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import newsroom.events.EntityType;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.stack.testing.LocalStackTestResource;

/** The analyst API on a small story indexed through Kafka into the real Elasticsearch. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {
    static final Duration SEARCHABLE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    EnrichedArticles kafka;
    final String u = unique();
    final String wire = "wire-" + u;
    final String daily = "daily-" + u;
    final String pager = "pager-" + u;
    final Ent bukele = new Ent("person:nayib-bukele-" + u, "Nayib Bukele " + u, EntityType.PERSON, 0.8, "Bukele");
    final Ent abrego = new Ent("person:kilmar-abrego-garcia-" + u, "Kilmar Ábrego García " + u, EntityType.PERSON,
            0.9, "Kilmar Ábrego García", "Abrego Garcia");
    final Ent salvador = new Ent("location:el-salvador-" + u, "El Salvador", EntityType.LOCATION, 0.5, "El Salvador");
    final Ent cecot = new Ent("facility:cecot-" + u, "CECOT", EntityType.FACILITY, 0.6, "CECOT");
    final Ent aea = new Ent("law:alien-enemies-act-" + u, "Alien Enemies Act", EntityType.LAW, 0.7,
            "Alien Enemies Act");
    final Ent tren = new Ent("organization:tren-de-aragua-" + u, "Tren de Aragua", EntityType.ORGANIZATION, 0.4,
            "Tren de Aragua");
    final String a1 = "a1-" + u, a2 = "a2-" + u, a3 = "a3-" + u, a4 = "a4-" + u, a5 = "a5-" + u;

    private boolean indexed;

    @BeforeAll
    void producer() {
        kafka = new EnrichedArticles(bootstrap);
    }

    /** Once per class, from the first test (RestAssured knows the test port only inside tests). */
    @BeforeEach
    void indexTheStory() {
        if (indexed) {
            return;
        }
        indexed = true;
        kafka.send(article(a1, wire, Instant.parse("2025-03-10T08:00:00Z"), "Bukele shows off the CECOT prison",
                "In El Salvador, the president walked reporters through CECOT, a prison built for gangs.", bukele, salvador, cecot));
        kafka.send(article(a2, wire, Instant.parse("2025-03-12T08:00:00Z"), "Kilmar Ábrego García sent to CECOT",
                "Officials cited the Alien Enemies Act; CECOT received the flight.", abrego, cecot, aea));
        kafka.send(article(a3, daily, Instant.parse("2025-03-15T08:00:00Z"), "Bukele and the Abrego Garcia case",
                "Bukele said in El Salvador that Abrego Garcia would stay.", bukele, abrego, salvador));
        kafka.send(article(a4, daily, Instant.parse("2025-03-20T08:00:00Z"), "Judge weighs the Alien Enemies Act",
                "Lawyers for men accused of ties to Tren de Aragua, now held in a prison abroad, challenged the Alien Enemies Act.", aea, tren));
        kafka.send(article(a5, wire, Instant.parse("2025-04-02T08:00:00Z"), "Abrego Garcia hearing set",
                "A hearing for Abrego Garcia was scheduled for April.", abrego));
        for (int i = 0; i < 25; i++) {
            kafka.send(article(String.format("p%02d-%s", i, u), pager,
                    Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofHours(i / 2)), // pairs share a date
                    "Paging item " + i, "pagingword" + u + " appears " + "here ".repeat(1 + i % 5) + "."));
        }
        await("story indexed").atMost(SEARCHABLE).until(() ->
                search(Map.of("source", List.of(wire, daily), "size", "0")).getInt("total") == 5
                        && search(Map.of("source", pager, "size", "0")).getInt("total") == 25);
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    @Test
    void entityFiltersAreAndTypesAndSourcesAreOr() {
        assertThat(ids(search(Map.of("entity", List.of(bukele.id(), abrego.id()))))).containsExactly(a3);
        assertThat(ids(search(Map.of("entity", abrego.id())))).containsExactly(a5, a3, a2);
        assertThat(ids(search(Map.of("type", "law", "source", List.of(wire, daily))))).containsExactly(a4, a2);
        assertThat(ids(search(Map.of("source", wire)))).containsExactly(a5, a2, a1);
        assertThat(ids(search(Map.of("source", List.of(wire, daily), "from", "2025-03-11", "to", "2025-03-15"))))
                .containsExactly(a3, a2);
        assertThat(ids(search(Map.of("source", List.of(wire, daily), "from", "2025-03-12T08:00:00Z",
                "to", "2025-03-15T08:00:00Z")))).containsExactly(a2);
    }

    @Test
    void relevanceOrDateOrder() {
        Map<String, Object> q = Map.of("q", "prison", "source", List.of(wire, daily));
        // a1 (older) has the word in its title and twice in its body, a4 (newer) once in its body.
        assertThat(ids(search(q))).containsExactly(a1, a4);
        Map<String, Object> byDate = new HashMap<>(q);
        byDate.put("sort", "date");
        assertThat(ids(search(byDate))).containsExactly(a4, a1);
    }

    @Test
    void facetsGiveTopEntitiesPerTypeSourcesAndADateHistogram() {
        JsonPath r = search(Map.of("source", List.of(wire, daily)));
        assertThat(r.getList("facets.entities.PERSON.id", String.class)).containsExactly(abrego.id(), bukele.id());
        assertThat(r.getList("facets.entities.PERSON.count", Integer.class)).containsExactly(3, 2);
        assertThat(r.getList("facets.entities.PERSON.name", String.class))
                .containsExactly(abrego.name(), bukele.name());
        assertThat(r.getList("facets.entities.LAW.id", String.class)).containsExactly(aea.id());
        assertThat(r.getList("facets.entities.FACILITY.count", Integer.class)).containsExactly(2);
        assertThat(r.getMap("facets.entities")).doesNotContainKey("MONEY");
        assertThat(r.getList("facets.sources.value", String.class)).containsExactly(wire, daily);
        assertThat(r.getList("facets.sources.count", Integer.class)).containsExactly(3, 2);
        assertThat(r.getString("facets.dateInterval")).isEqualTo("day");
        assertThat(r.getList("facets.dates.count", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(5);
        assertThat(r.getString("facets.dates[0].date")).isEqualTo("2025-03-10T00:00:00Z");
        JsonPath noFacets = search(Map.of("source", wire, "facets", "false"));
        assertThat(noFacets.getMap("$")).containsEntry("facets", null);
    }

    @Test
    void cursorPagingByDateNeverSkipsOrRepeatsWhileArticlesArrive() {
        Paged paged = pageThrough(Map.of("source", pager, "size", "10"), 3);
        assertThat(paged.seen()).doesNotHaveDuplicates();
        assertThat(paged.seen().stream().filter(id -> id.startsWith("p")).toList()).hasSize(25);
    }

    @Test
    void cursorPagingByRelevanceReadsOnePointInTime() {
        Paged paged = pageThrough(Map.of("q", "pagingword" + u, "size", "10"), 3);
        // The point in time was taken with the first page: articles added later are not mixed into later pages.
        assertThat(paged.seen()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(paged.added());
        assertThat(paged.seen().stream().filter(id -> id.startsWith("p")).toList()).hasSize(25);
    }

    /** Reads every page, indexing new matching articles (newer and older) between pages. */
    private Paged pageThrough(Map<String, Object> params, int expectedPages) {
        List<String> seen = new ArrayList<>();
        List<String> added = new ArrayList<>();
        Map<String, Object> page = new HashMap<>(params);
        int pages = 0;
        while (true) {
            JsonPath r = search(page);
            seen.addAll(ids(r));
            pages++;
            String next = r.getString("nextCursor");
            if (next == null) {
                break;
            }
            String extra = "x" + pages + "-" + unique();
            kafka.send(article(extra, pager, Instant.parse(pages % 2 == 0 ? "2024-06-01T00:00:00Z"
                    : "2026-01-01T00:00:00Z"), "Late item", "pagingword" + u + " late."));
            added.add(extra);
            await().atMost(SEARCHABLE).until(() -> search(Map.of("source", pager, "size", "100"))
                    .getList("hits.id").contains(extra));
            page.put("cursor", next);
        }
        assertThat(pages).isGreaterThanOrEqualTo(expectedPages);
        return new Paged(seen, added);
    }

    record Paged(List<String> seen, List<String> added) {
    }

    @Test
    void entitySuggestionsIgnoreAccentsAndCase() {
        List<Map<String, Object>> byName = given().queryParam("prefix", "KILMAR ABREGO GARCIA " + u.substring(0, 6))
                .when().get("/api/entities").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(byName).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("id", abrego.id()).containsEntry("type", "PERSON").containsEntry("count", 3);
            assertThat(s).containsEntry("name", abrego.name());
        });
        List<String> byLastWord = given().queryParam("prefix", u.substring(0, 8)).queryParam("type", "person")
                .when().get("/api/entities").then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(byLastWord).containsExactly(abrego.id(), bukele.id());
        given().queryParam("prefix", " ").when().get("/api/entities").then().statusCode(400)
                .body("details[0]", equalTo("prefix: must not be blank"));
    }

    @Test
    void anEntityProfileSummarisesItsArticles() {
        JsonPath p = given().when().get("/api/entities/" + abrego.id()).then().statusCode(200).extract().jsonPath();
        assertThat(p.getString("name")).isEqualTo(abrego.name());
        assertThat(p.getString("type")).isEqualTo("PERSON");
        assertThat(p.getInt("articleCount")).isEqualTo(3);
        assertThat(p.getInt("mentionCount")).isEqualTo(5);
        assertThat(p.getString("firstSeen")).isEqualTo("2025-03-12T08:00:00Z");
        assertThat(p.getString("lastSeen")).isEqualTo("2025-04-02T08:00:00Z");
        assertThat(p.getList("aliases.text", String.class))
                .containsExactlyInAnyOrder("Abrego Garcia", "Kilmar Ábrego García");
        assertThat(p.getList("recentArticles.id", String.class)).containsExactly(a5, a3, a2);
        assertThat(p.getString("timelineInterval")).isEqualTo("day");
        assertThat(p.getList("timeline.count", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        Map<String, Integer> cooccurring = new HashMap<>();
        List<String> coIds = p.getList("cooccurring.id", String.class);
        List<Integer> coCounts = p.getList("cooccurring.count", Integer.class);
        for (int i = 0; i < coIds.size(); i++) {
            cooccurring.put(coIds.get(i), coCounts.get(i));
        }
        assertThat(cooccurring).containsOnly(Map.entry(cecot.id(), 1), Map.entry(aea.id(), 1),
                Map.entry(bukele.id(), 1), Map.entry(salvador.id(), 1));
        assertThat(p.getList("cooccurring.name", String.class)).contains(bukele.name(), "CECOT");
        given().when().get("/api/entities/person:nobody-" + u).then().statusCode(404)
                .contentType("application/json").body("error", equalTo("not found"));
    }

    @Test
    void theSearchFeedIsValidAtom() throws Exception {
        byte[] xml = given().queryParam("entity", abrego.id()).when().get("/feeds/search.atom")
                .then().statusCode(200).contentType("application/atom+xml").extract().asByteArray();
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).contains(abrego.id());
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).extracting(SyndEntry::getUri)
                .containsExactly("urn:newsroom:article:" + a5, "urn:newsroom:article:" + a3, "urn:newsroom:article:" + a2);
        assertThat(entries.get(0).getTitle()).isEqualTo("Abrego Garcia hearing set");
        assertThat(entries.get(0).getLink()).isEqualTo("https://news.example/" + wire + "/" + a5);
        assertThat(entries.get(0).getDescription().getValue()).isEqualTo("A hearing for Abrego Garcia was scheduled for April.");
        assertThat(entries.get(2).getCategories()).extracting(c -> c.getName())
                .contains(abrego.id(), cecot.id(), aea.id());
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<updated>2025-04-02T08:00:00Z</updated>");
        given().queryParam("from", "never").when().get("/feeds/search.atom").then().statusCode(400);
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(JsonPath result) {
        return result.getList("hits.id", String.class);
    }
}
