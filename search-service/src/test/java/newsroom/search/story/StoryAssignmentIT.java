package newsroom.search.story;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.search.EnrichedArticles;
import newsroom.search.EnrichedArticlesTest;
import newsroom.search.OwnIndexProfile;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.story.repository.Candidate;
import newsroom.search.story.repository.StoryRecord;
import newsroom.search.story.repository.StoryStore;
import newsroom.search.story.repository.TermStats;
import newsroom.search.story.repository.TermStatsReader;
import newsroom.search.story.service.RecentStories;
import newsroom.stack.testing.LocalStackTestResource;

/** Kafka → indexer → story assignment → /api/search and /api/stories, on the real test stack. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestProfile(OwnIndexProfile.class) // its own group and index, shared with IndexWriteBlockIT
class StoryAssignmentIT extends EnrichedArticlesTest {
    @Inject
    ElasticsearchClient client;
    @Inject
    ArticleIndex index;
    @Inject
    StoryStore store;
    @Inject
    RecentStories recent;
    @Inject
    TermStatsReader termStats;

    static final Duration SEARCHABLE = Duration.ofSeconds(90);
    @Test
    void rewritesOfOneEventFormOneStoryInAnyOrderAndDistractorsStayOut() {
        // one at a time: each article finds the earlier ones through the candidate search
        StoryFixtures a = new StoryFixtures();
        for (EnrichedArticle article : List.of(a.strikeWire(), a.strikeDaily(), a.strikeRadio())) {
            sendAndAwait(a.union.id(), article);
        }
        // the same event another time, reversed, all at once: the batch's earlier articles count as candidates too
        StoryFixtures b = new StoryFixtures();
        List.of(b.strikeRadio(), b.strikeDaily(), b.strikeWire()).forEach(kafka::send);
        await().atMost(SEARCHABLE).until(() -> stories(b.union.id()).size() == 3);

        for (StoryFixtures f : List.of(a, b)) {
            Map<String, String> story = stories(f.union.id());
            assertThat(story.values()).as("one story").containsOnly(story.get(f.strikeWire().id()));
            assertThat(search(Map.of("entity", f.union.id())).getList("hits.story.size", Integer.class))
                    .containsOnly(3);
        }
        assertThat(stories(a.union.id()).get(a.strikeWire().id())).isEqualTo("s-" + a.strikeWire().id());
        assertThat(stories(b.union.id()).get(b.strikeWire().id())).isNotEqualTo(stories(a.union.id())
                .get(a.strikeWire().id()));

        // same guild, leader and port: a charity regatta the next day and a vote nine days on are stories of their own
        sendAndAwait(a.union.id(), a.sameWeekDistractor());
        sendAndAwait(a.union.id(), a.distractor());
        Map<String, String> after = stories(a.union.id());
        String strike = after.get(a.strikeWire().id());
        assertThat(after.get(a.sameWeekDistractor().id())).isNotEqualTo(strike);
        assertThat(after.get(a.distractor().id())).isNotEqualTo(strike)
                .isNotEqualTo(after.get(a.sameWeekDistractor().id()));
        assertThat(after.values().stream().filter(strike::equals).count()).isEqualTo(3);
    }

    @Test
    void aBridgingArticleMergesTwoStoriesIntoTheOlderAndSearchShowsTheSurvivor() {
        StoryFixtures f = new StoryFixtures();
        for (EnrichedArticle article : List.of(f.closureOne(), f.closureTwo(), f.detourOne(), f.detourTwo())) {
            sendAndAwait(f.bridge.id().equals(article.entities().get(0).id()) ? f.bridge.id() : f.transit.id(),
                    article);
        }
        String closure = stories(f.bridge.id()).get(f.closureOne().id());
        String detour = stories(f.transit.id()).get(f.detourOne().id());
        assertThat(closure).isEqualTo("s-" + f.closureOne().id());
        assertThat(detour).isEqualTo("s-" + f.detourOne().id());
        assertThat(stories(f.bridge.id()).values()).containsOnly(closure);
        assertThat(stories(f.transit.id()).values()).containsOnly(detour);

        kafka.send(f.bridging());
        await("merged").atMost(SEARCHABLE).until(() -> {
            Map<String, String> all = stories(f.bridge.id());
            all.putAll(stories(f.transit.id()));
            return all.size() == 5 && all.values().stream().allMatch(closure::equals);
        });
        JsonPath hits = search(Map.of("entity", f.transit.id()));
        assertThat(hits.getList("hits.story.id", String.class)).containsOnly(closure);
        assertThat(hits.getList("hits.story.size", Integer.class)).containsOnly(5);
        JsonPath collapsed = given().queryParam("q", "Harlan Bridge Route 9 detour girders")
                .queryParam("from", f.day0.toString()).queryParam("to", f.day0.plus(Duration.ofDays(10)).toString())
                .queryParam("collapse", "story").when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(collapsed.getList("hits.story.id", String.class)).containsExactly(closure);
        assertThat(collapsed.getInt("hits[0].story.size")).isEqualTo(5);
        // the absorbed id still finds its story: the survivor
        JsonPath absorbed = given().when().get("/api/stories/" + detour).then().statusCode(200).extract().jsonPath();
        assertThat(absorbed.getString("id")).isEqualTo(closure);
        assertThat(absorbed.getInt("size")).isEqualTo(5);
    }

    @Test
    void aReplayKeepsEveryStory() {
        StoryFixtures f = new StoryFixtures();
        List<EnrichedArticle> articles = List.of(f.strikeWire(), f.strikeDaily(), f.strikeRadio(),
                f.sameWeekDistractor());
        for (EnrichedArticle article : articles) {
            sendAndAwait(f.union.id(), article);
        }
        Map<String, String> before = stories(f.union.id());
        assertThat(before).hasSize(4);

        // the topic again, in another order (a redelivery carries the same ids; the marked titles show it was read)
        for (EnrichedArticle article : List.of(articles.get(3), articles.get(2), articles.get(0), articles.get(1))) {
            kafka.send(new EnrichedArticle(article.schemaVersion(), article.id(), article.url(), article.source(),
                    article.title() + " (replayed)", article.body(), article.language(), article.publishedAt(),
                    article.receivedAt(), article.contentHash(), article.feedId(), article.entities(),
                    article.nlp()));
        }
        await("replayed").atMost(SEARCHABLE).until(() -> search(Map.of("entity", f.union.id()))
                .getList("hits.title", String.class).stream().allMatch(t -> t.endsWith("(replayed)")));
        assertThat(stories(f.union.id())).isEqualTo(before);
    }

    @Test
    void storiesAreListedAndShownWithOutletsTimelineAndWhatLaterArticlesAdded() {
        StoryFixtures f = new StoryFixtures();
        EnrichedArticle d = f.sameWeekDistractor();
        // untitled (a title is optional): its story is listed without a headline
        EnrichedArticle untitled = new EnrichedArticle(d.schemaVersion(), d.id(), d.url(), d.source(), null, d.body(),
                d.language(), d.publishedAt(), d.receivedAt(), d.contentHash(), d.feedId(), d.entities(), d.nlp());
        for (EnrichedArticle article : List.of(f.strikeWire(), f.strikeDaily(), f.strikeRadio(), untitled)) {
            sendAndAwait(f.union.id(), article);
        }
        String strike = stories(f.union.id()).get(f.strikeWire().id());

        JsonPath list = given().queryParam("entity", f.union.id()).queryParam("sort", "size").when()
                .get("/api/stories").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("stories.id", String.class)).hasSize(2).first().isEqualTo(strike);
        assertThat(list.getInt("stories[0].size")).isEqualTo(3);
        assertThat(list.getInt("stories[0].sources")).isEqualTo(3);
        assertThat(list.getString("stories[0].title")).isEqualTo(f.strikeWire().title());
        assertThat(list.getInt("stories[1].size")).isEqualTo(1);
        assertThat(list.getString("stories[1].title")).isNull();
        JsonPath recent = given().queryParam("entity", f.union.id()).queryParam("sort", "recent").when()
                .get("/api/stories").then().statusCode(200).extract().jsonPath();
        assertThat(recent.getList("stories.id", String.class)).last().isEqualTo(strike);
        given().queryParam("sort", "loudest").when().get("/api/stories").then().statusCode(400);

        JsonPath story = given().when().get("/api/stories/" + strike).then().statusCode(200).extract().jsonPath();
        assertThat(story.getList("articles.id", String.class)).containsExactly(f.strikeWire().id(),
                f.strikeDaily().id(), f.strikeRadio().id());
        assertThat(story.getList("outlets.source", String.class)).containsExactly(f.strikeWire().source(),
                f.strikeDaily().source(), f.strikeRadio().source());
        assertThat(story.getString("firstSeen")).isEqualTo(f.strikeWire().publishedAt().toString());
        assertThat(story.getString("lastSeen")).isEqualTo(f.strikeRadio().publishedAt().toString());
        assertThat(story.getString("timeline.interval")).isEqualTo("hour");
        assertThat(story.getList("timeline.buckets.count", Integer.class)).containsExactly(1, 1, 1);
        assertThat(story.getList("topEntities.id", String.class)).hasSize(4).contains(f.union.id(), f.okafor.id())
                .last().isEqualTo(f.authority.id());
        assertThat(story.getList("topEntities.articles", Integer.class)).containsExactly(3, 3, 3, 1);
        assertThat(story.getList("addedEntities.id", String.class)).containsExactly(f.authority.id());
        assertThat(story.getString("addedEntities[0].firstSeen")).isEqualTo(f.strikeRadio().publishedAt().toString());
        given().when().get("/api/stories/s-nothing-" + f.u).then().statusCode(404);
    }

    @Test
    void anArticleJoinsOneIndexedAMomentAgoThatNoRefreshHasMadeSearchableYet() throws IOException {
        StoryFixtures f = new StoryFixtures();
        client.indices().putSettings(p -> p.index(index.writeIndex()).settings(s -> s.refreshInterval(t -> t.time(
                "-1"))));
        try {
            kafka.send(f.strikeWire());
            await().atMost(SEARCHABLE).until(() -> recent.known(List.of(f.strikeWire().id())).size() == 1);
            kafka.send(f.strikeDaily());
            await().atMost(SEARCHABLE).until(() -> recent.known(List.of(f.strikeDaily().id())).size() == 1);

            // neither is searchable, so the candidate search cannot have found the first: the remembered one did
            assertThat(stories(f.union.id())).isEmpty();
            Map<String, Candidate> indexed = store.existing(List.of(f.strikeWire().id(), f.strikeDaily().id()));
            assertThat(indexed.get(f.strikeDaily().id()).storyId()).isEqualTo("s-" + f.strikeWire().id())
                    .isEqualTo(indexed.get(f.strikeWire().id()).storyId());
        } finally {
            index.ensureExists(); // puts the configured refresh interval back
        }
        await().atMost(SEARCHABLE).until(() -> stories(f.union.id()).size() == 2);
    }

    @Test
    void oneArticleElasticsearchCannotAnalyseDoesNotCostTheOthersOfItsBatchTheirKeys() throws IOException {
        StoryFixtures f = new StoryFixtures();
        // an entity id past Lucene's longest term: the term-vector request fails for this document alone
        EnrichedArticle immense = EnrichedArticles.article("immense-" + EnrichedArticles.unique(), "wire",
                f.strikeWire().publishedAt(), "Dockers vote", "The dockers voted.",
                new EnrichedArticles.Ent("org:" + "x".repeat(40_000), "Guild", EntityType.ORGANIZATION, 0.9, "Guild"));
        Instant now = Instant.now();
        List<TermStats> stats = termStats.termStats(List.of(ArticleDocument.of(f.strikeWire(), now),
                ArticleDocument.of(immense, now), ArticleDocument.of(f.strikeDaily(), now)));

        assertThat(stats).hasSize(3);
        assertThat(stats.get(1)).isNull();
        assertThat(stats.get(0).termFreq()).containsKey("strike");
        assertThat(stats.get(2).entityDf()).containsKey(f.union.id());
    }

    @Test
    void storyEntriesKeptForAssigningNeverHideAMergeFromReadersOrThisInstancesOwnMerges() throws IOException {
        String u = EnrichedArticles.unique();
        Instant began = Instant.parse("2026-10-01T08:00:00Z");
        StoryRecord first = new StoryRecord("s-first-" + u, began, "first-" + u, null, null);
        StoryRecord second = new StoryRecord("s-second-" + u, began.plusSeconds(60), "second-" + u, null, null);
        StoryRecord third = new StoryRecord("s-third-" + u, began.plusSeconds(120), "third-" + u, null, null);
        store.create(List.of(first, second, third));
        assertThat(store.storiesForAssigning(List.of(second.id(), third.id())))
                .containsEntry(second.id(), second).containsEntry(third.id(), third);

        // Another instance merges the second story into the first: readers see it at once, the assigner within
        // record-cache (it holds what it read; the candidates it finds in the absorbed story are re-pointed then)
        new StoryStore(client, index).merge(second.id(), first.id(), Instant.now());
        assertThat(store.stories(List.of(second.id())).get(second.id()).mergedInto()).isEqualTo(first.id());
        assertThat(store.storiesForAssigning(List.of(second.id())).get(second.id()).mergedInto()).isNull();

        // This instance's own merge: the assigner sees it with its next read
        store.merge(third.id(), first.id(), Instant.now());
        assertThat(store.storiesForAssigning(List.of(third.id())).get(third.id()).mergedInto()).isEqualTo(first.id());
    }

    @Test
    void aBatchAskedTogetherGetsWhatEachArticleAskedAloneWouldGet() throws IOException {
        StoryFixtures f = new StoryFixtures();
        sendAndAwait(f.union.id(), f.strikeWire()); // indexed, so its words and entities have frequencies above 0
        String u = EnrichedArticles.unique();
        Instant at = f.strikeWire().publishedAt();
        Instant now = Instant.now();
        List<ArticleDocument> batch = List.of(ArticleDocument.of(f.strikeDaily(), now),
                ArticleDocument.of(EnrichedArticles.article("mixed-" + u, "wire", at,
                        "Cañón's dockers: 3.5% rise, U.S. e-mail", "José O'Brien's co-op paid "
                                + "$1,200.50 on 2026-10-14; naïve Über-STRIKE strike strikes. "
                                + "北京港罢工 ميناء Valmera’s "
                                + "guild_leader x".repeat(3), f.union, f.okafor), now),
                ArticleDocument.of(EnrichedArticles.article("title-only-" + u, "wire", at, "Dockers vote", "",
                        f.port), now),
                ArticleDocument.of(EnrichedArticles.article("no-entities-" + u, "wire", at, "",
                        "Night-shift pay and the queue of container ships at the harbour."), now));

        List<TermStats> together = termStats.termStats(batch);

        assertThat(together).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            assertThat(together.get(i)).as(batch.get(i).id()).isEqualTo(askedAlone(batch.get(i)));
        }
        assertThat(together.get(0).termDf().get("strike")).as("indexed words are counted").isPositive();
    }

    /** The oracle: one term-vector request for the article alone, its counts as Elasticsearch gives them. */
    private TermStats askedAlone(ArticleDocument doc) throws IOException {
        Map<String, Object> artificial = Map.of("titleFolded", doc.titleFolded(), "bodyFolded", doc.bodyFolded(),
                "entityIds", doc.entityIds());
        var vectors = client.mtermvectors(m -> m.docs(d -> d.index(index.writeIndex())
                .doc(JsonData.of(artificial)).fields("titleFolded", "bodyFolded", "entityIds")
                .termStatistics(true).fieldStatistics(true).positions(false).offsets(false).payloads(false)))
                .docs().get(0).termVectors();
        Map<String, Integer> tf = new HashMap<>();
        Map<String, Long> df = new HashMap<>();
        Map<String, Long> entityDf = new HashMap<>();
        long textDocs = 0;
        long entityDocs = 0;
        for (var field : vectors.entrySet()) {
            long docs = field.getValue().fieldStatistics().docCount();
            boolean title = field.getKey().equals("titleFolded");
            boolean entities = field.getKey().equals("entityIds");
            if (entities) {
                entityDocs = docs;
            } else if (!title) {
                textDocs = docs;
            }
            field.getValue().terms().forEach((term, stats) -> {
                long freq = stats.docFreq() == null ? 0 : stats.docFreq();
                if (entities) {
                    entityDf.put(term, freq);
                } else {
                    tf.merge(term, title ? 2 * stats.termFreq() : stats.termFreq(), Integer::sum);
                    df.merge(term, freq, Math::max);
                }
            });
        }
        return new TermStats(tf, df, Math.max(textDocs, 1), entityDf, Math.max(entityDocs, 1));
    }

    private void sendAndAwait(String entity, EnrichedArticle article) {
        kafka.send(article);
        await().atMost(SEARCHABLE).until(() -> stories(entity).containsKey(article.id()));
    }

    /** Article id → story id of every article naming the entity. */
    static Map<String, String> stories(String entity) {
        JsonPath result = search(Map.of("entity", entity, "size", "100", "facets", "false"));
        Map<String, String> out = new HashMap<>();
        List<String> ids = result.getList("hits.id", String.class);
        List<String> stories = result.getList("hits.story.id", String.class);
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), stories.get(i));
        }
        return out;
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/search").then().statusCode(200).extract().jsonPath();
    }
}
