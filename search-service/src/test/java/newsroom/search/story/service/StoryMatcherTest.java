package newsroom.search.story.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.config.StoryConfig;

/** The rules beyond one pair of articles in one language: across languages, against a story as a whole, in time. */
class StoryMatcherTest {
    static final StoryConfig DEFAULTS = StorySimilarityTest.DEFAULTS;
    static final Map<String, Double> QUAKE_ENTITIES = Map.of("loc:antofagasta", 4.0, "loc:chile", 1.5,
            "org:seismic-centre", 3.0);

    @Test
    void aCrossLanguagePairJoinsOnItsSharedEntities() {
        StoryKeys en = new StoryKeys(Map.of("earthquake", 3.0, "magnitude", 2.0, "aftershocks", 2.0), QUAKE_ENTITIES,
                "en");
        StoryKeys es = new StoryKeys(Map.of("sismo", 3.0, "magnitud", 2.0, "replicas", 2.0), QUAKE_ENTITIES, "es");
        StorySimilarity.Score score = StorySimilarity.score(en, es, DEFAULTS);
        assertThat(score.crossLanguage()).isTrue();
        assertThat(score.keywords()).isZero();
        assertThat(score.joins(DEFAULTS)).isTrue();
    }

    @Test
    void theLongerAStoryHasBeenQuietTheMoreAnArticleMustShareWithItToContinueIt() {
        // alike enough within a day of the story's nearest article; two days later, a later event on the same subject
        StorySimilarity.Score sameLanguage = new StorySimilarity.Score(0.30, 0.15, 2, false, false);
        assertThat(sameLanguage.combined(DEFAULTS.entityWeight()))
                .isEqualTo(0.24, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sameLanguage.joins(DEFAULTS, Duration.ofHours(20))).isTrue();
        assertThat(sameLanguage.joins(DEFAULTS, Duration.ofHours(48))).isFalse();
        // across languages only names compare, and every story on one subject shares its names: time rises the bar too
        StorySimilarity.Score crossLanguage = new StorySimilarity.Score(0.20, 0, 4, true, false);
        assertThat(crossLanguage.joins(DEFAULTS)).isTrue();
        assertThat(crossLanguage.joins(DEFAULTS, Duration.ofHours(69))).isFalse();
        // merging asks the same rise
        StorySimilarity.Score strong = new StorySimilarity.Score(0.50, 0.40, 5, false, false);
        assertThat(strong.merges(DEFAULTS, Duration.ZERO)).isTrue();
        assertThat(strong.merges(DEFAULTS, Duration.ofHours(60))).isFalse();

        StoryMatcher matcher = new StoryMatcher(DEFAULTS);
        Map<String, Double> court = Map.of("person:judge", 4.0, "loc:capital", 2.0, "org:court", 3.0);
        StoryKeys story = new StoryKeys(Map.of("hearing", 3.0, "flights", 3.0, "sworn", 2.0, "statements", 2.0),
                court, "en");
        StoryKeys article = new StoryKeys(Map.of("hearing", 1.0, "vindictive", 3.0, "prosecution", 3.0,
                "smuggling", 3.0), Map.of("person:judge", 1.0, "loc:capital", 2.0, "person:defendant", 4.0), "en");
        StorySimilarity.Score score = matcher.scores(article, Map.of("s-1", List.of(story))).get("s-1");
        assertThat(score.joins(DEFAULTS)).isTrue();
        assertThat(matcher.decide(article, new StoryMatcher.Stories().add("s-1", story, Duration.ofHours(6)),
                String::compareTo).target()).isEqualTo("s-1");
        assertThat(matcher.decide(article, new StoryMatcher.Stories().add("s-1", story, Duration.ofHours(46)),
                String::compareTo).target()).isNull();
    }

    @Test
    void acrossLanguagesOneSharedPlaceIsNotEnough() {
        StoryKeys en = new StoryKeys(Map.of("earthquake", 3.0), Map.of("loc:chile", 2.0, "person:mayor", 3.0), "en");
        StoryKeys es = new StoryKeys(Map.of("pensiones", 3.0), Map.of("loc:chile", 2.0, "org:senado", 3.0), "es");
        assertThat(StorySimilarity.score(en, es, DEFAULTS).joins(DEFAULTS)).isFalse();
    }

    @Test
    void aFollowUpThatSharesALittleWithEachArticleJoinsTheStoryAsAWhole() {
        Map<String, Double> people = Map.of("org:fire-agency", 3.0, "loc:ridgeview", 4.0);
        StoryKeys first = new StoryKeys(Map.of("wildfire", 3.0, "evacuations", 3.0, "wind", 2.0, "hills", 2.0,
                "homes", 2.0), people, "en");
        StoryKeys second = new StoryKeys(Map.of("containment", 3.0, "crews", 3.0, "acres", 2.0, "humidity", 2.0,
                "wildfire", 1.0), people, "en");
        // one word in common with each article (each pair's keyword cosine below the floor); with both, above it
        StoryKeys followUp = new StoryKeys(Map.of("evacuations", 0.6, "containment", 0.6, "lifted", 3.0,
                "power", 3.0, "line", 3.0, "investigators", 3.0), Map.of("loc:ridgeview", 4.0, "org:utility", 3.0),
                "en");
        StoryMatcher matcher = new StoryMatcher(DEFAULTS);
        assertThat(StorySimilarity.score(followUp, first, DEFAULTS).joins(DEFAULTS)).isFalse();
        assertThat(StorySimilarity.score(followUp, second, DEFAULTS).joins(DEFAULTS)).isFalse();
        assertThat(matcher.scores(followUp, Map.of("s-1", List.of(first, second))).get("s-1").joins(DEFAULTS))
                .isTrue();
    }

    @Test
    void namesBothMentionOnlyInPassingDoNotMakeOneEvent() {
        // a storm report that names the senate last, a funding vote that names the storm last: their words share the aid
        Map<String, Double> storm = Map.of("name:ines", 7.0, "location:texas", 6.5, "name:matagorda", 5.0,
                "name:bay-city", 4.5, "org:fema", 4.0, "organization:us-senate", 3.5);
        Map<String, Double> vote = Map.of("organization:us-senate", 8.0, "location:washington-dc", 5.0,
                "money:usd-9-billion", 4.0, "person:majority-leader", 3.8, "location:texas", 2.0);
        Map<String, Double> aid = Map.of("disaster", 3.0, "aid", 3.0, "billion", 2.0, "friday", 1.0);
        StoryKeys report = new StoryKeys(plus(aid, Map.of("surge", 4.0, "flooded", 4.0, "rescuers", 3.0)), storm,
                "en");
        StoryKeys bill = new StoryKeys(plus(aid, Map.of("stopgap", 4.0, "spending", 4.0, "shutdown", 3.0)), vote,
                "en");
        StorySimilarity.Score passing = StorySimilarity.score(bill, report, DEFAULTS);
        assertThat(passing.sharedEntities()).isZero();
        assertThat(passing.joins(DEFAULTS)).isFalse();

        // the same words, with the senate among the heaviest names of the report too: one event by the usual rule
        Map<String, Double> senateLed = new java.util.HashMap<>(storm);
        senateLed.put("organization:us-senate", 6.8);
        StorySimilarity.Score central = StorySimilarity.score(bill,
                new StoryKeys(report.terms(), senateLed, "en"), DEFAULTS);
        assertThat(central.sharedEntities()).isEqualTo(2);
        assertThat(central.joins(DEFAULTS)).isTrue();
    }

    private static Map<String, Double> plus(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> out = new java.util.HashMap<>(a);
        out.putAll(b);
        return out;
    }

    @Test
    void withoutEntitiesToCompareWordsDecideAtTheJoinThreshold() {
        StoryKeys quake = new StoryKeys(Map.of("sismo", 3.0, "antofagasta", 3.0, "6,9", 2.0, "danos", 2.0), Map.of(),
                "es");
        StoryKeys aftershocks = new StoryKeys(Map.of("replicas", 3.0, "antofagasta", 2.0, "6,9", 1.0, "colegios", 3.0,
                "ninos", 2.0),
                Map.of(), "es");
        assertThat(StorySimilarity.score(quake, aftershocks, DEFAULTS).joins(DEFAULTS)).isTrue();
        // the same words between articles that name different people: that is evidence of two events
        StoryKeys named = new StoryKeys(quake.terms(), Map.of("person:a", 1.0, "org:b", 1.0), "es");
        StoryKeys otherNames = new StoryKeys(aftershocks.terms(), Map.of("person:c", 1.0, "org:d", 1.0), "es");
        assertThat(StorySimilarity.score(named, otherNames, DEFAULTS).joins(DEFAULTS)).isFalse();
    }

    @Test
    void entitiesOfOneNameUnderTwoTypesAreOneEntity() {
        StoryKeys a = new StoryKeys(Map.of("eruption", 1.0), Map.of("location:reykjanes", 2.0, "person:grindavik", 1.0));
        StoryKeys b = new StoryKeys(Map.of("lava", 1.0), Map.of("organization:reykjanes", 2.0, "location:grindavik", 1.0));
        assertThat(StorySimilarity.score(a, b, DEFAULTS).entities()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void onlyCapitalisedWordsOfANameAreNameWords() {
        java.util.Set<String> words = new java.util.HashSet<>();
        StoryKeysBuilder.addWords("A volcanic eruption near Grindavík", words);
        assertThat(words).containsExactlyInAnyOrder("a", "grindavik");
    }

    @Test
    void aSameEntityDistractorAWeekApartStartsItsOwnStory() {
        Map<String, Double> court = Map.of("person:judge", 4.0, "org:justice-department", 3.0, "loc:prison", 3.0);
        Instant first = Instant.parse("2026-10-06T15:00:00Z");
        List<StoryReplay.Article> articles = List.of(
                article("a1", "hearing-1", first, Map.of("hearing", 3.0, "flights", 3.0, "sworn", 2.0), court),
                article("a2", "hearing-1", first.plusSeconds(3 * 3600), Map.of("hearing", 3.0, "flights", 2.0,
                        "declarations", 2.0), court),
                article("b1", "hearing-2", first.plusSeconds(7 * 24 * 3600), Map.of("hearing", 3.0, "flights", 3.0,
                        "contempt", 3.0), court));
        Map<String, String> stories = StoryReplay.replay(articles, DEFAULTS, null);
        assertThat(stories.get("a2")).isEqualTo(stories.get("a1"));
        assertThat(stories.get("b1")).isNotEqualTo(stories.get("a1"));
    }

    @Test
    void aSameEntityDistractorInTheWindowWithOtherWordsStartsItsOwnStory() {
        Map<String, Double> guild = Map.of("org:guild", 4.0, "person:okafor", 3.0);
        Instant at = Instant.parse("2026-10-06T15:00:00Z");
        List<StoryReplay.Article> articles = List.of(
                article("a1", "strike", at, Map.of("strike", 3.0, "pay", 3.0, "cranes", 2.0), guild),
                article("a2", "strike", at.plusSeconds(3600), Map.of("strike", 3.0, "pay", 2.0, "walkout", 2.0), guild),
                article("b1", "regatta", at.plusSeconds(7200), Map.of("regatta", 3.0, "rowing", 3.0, "lifeboat", 2.0),
                        guild));
        Map<String, String> stories = StoryReplay.replay(articles, DEFAULTS, null);
        assertThat(stories.get("a2")).isEqualTo(stories.get("a1"));
        assertThat(stories.get("b1")).isNotEqualTo(stories.get("a1"));
    }

    private static StoryReplay.Article article(String id, String story, Instant date, Map<String, Double> terms,
            Map<String, Double> entities) {
        return article(id, story, date, "en", terms, entities);
    }

    private static StoryReplay.Article article(String id, String story, Instant date, String language,
            Map<String, Double> terms, Map<String, Double> entities) {
        return new StoryReplay.Article(id, id, story, date, language, new StoryKeys(terms, entities, language),
                Map.of());
    }
}
