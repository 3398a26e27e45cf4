package newsroom.search.story.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.config.StoryConfig;

class StorySimilarityTest {

    /** The shipped settings (no {@code replay.*} property is set in a test run). */
    static final StoryConfig DEFAULTS = StoryReplay.config();

    @Test
    void sharedEntitiesAndEventWordsJoin() {
        StoryKeys a = new StoryKeys(Map.of("strike", 3.0, "pay", 2.0, "ships", 1.0, "cranes", 1.0),
                Map.of("org:guild", 4.0, "person:okafor", 2.0));
        StoryKeys b = new StoryKeys(Map.of("strike", 2.5, "pay", 2.0, "anchor", 1.5),
                Map.of("org:guild", 4.0, "location:port", 2.0));
        StorySimilarity.Score score = StorySimilarity.score(a, b, DEFAULTS);
        assertThat(score.sharedEntity()).isTrue();
        assertThat(score.keywords()).isBetween(0.6, 1.0);
        assertThat(score.joins(DEFAULTS)).isTrue();
    }

    @Test
    void sameNamesWithoutSharedEventWordsDoNotJoin() {
        StoryKeys strike = new StoryKeys(Map.of("strike", 3.0, "pay", 2.0, "ships", 1.0),
                Map.of("org:guild", 4.0, "person:okafor", 2.0));
        StoryKeys regatta = new StoryKeys(Map.of("regatta", 3.0, "rowing", 2.0, "lifeboat", 1.0),
                Map.of("org:guild", 4.0, "person:okafor", 2.0));
        StorySimilarity.Score score = StorySimilarity.score(strike, regatta, DEFAULTS);
        assertThat(score.entities()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(score.keywords()).isZero();
        assertThat(score.joins(DEFAULTS)).isFalse();
    }

    @Test
    void withoutASharedEntityOnlyAVeryLikeTextJoins() {
        StoryKeys a = new StoryKeys(Map.of("flood", 3.0, "river", 2.0, "levee", 2.0), Map.of());
        StoryKeys near = new StoryKeys(Map.of("flood", 3.0, "river", 2.0, "levee", 1.5), Map.of("loc:x", 1.0));
        StoryKeys loose = new StoryKeys(Map.of("flood", 1.0, "insurance", 3.0, "claims", 3.0), Map.of());
        assertThat(StorySimilarity.score(a, near, DEFAULTS).joins(DEFAULTS)).isTrue();
        assertThat(StorySimilarity.score(a, loose, DEFAULTS).joins(DEFAULTS)).isFalse();
    }

    @Test
    void mergingNeedsMoreThanJoining() {
        StoryKeys a = new StoryKeys(Map.of("strike", 1.0, "pay", 1.0, "x1", 1.0, "x2", 1.0, "x3", 1.0),
                Map.of("org:guild", 1.0, "org:other", 1.0, "org:third", 1.0));
        StoryKeys b = new StoryKeys(Map.of("strike", 1.0, "pay", 1.0, "y1", 1.0, "y2", 1.0, "y3", 1.0),
                Map.of("org:guild", 1.0, "org:y", 1.0, "org:z", 1.0));
        StorySimilarity.Score score = StorySimilarity.score(a, b, DEFAULTS);
        assertThat(score.combined(0.45)).isBetween(0.30, 0.40);
        assertThat(score.joins(DEFAULTS)).isTrue();
        assertThat(score.merges(DEFAULTS)).isFalse();
    }

    @Test
    void pluralsMeetTheirSingular() {
        assertThat(StorySimilarity.stem("containers")).isEqualTo("container");
        assertThat(StorySimilarity.stem("strikes")).isEqualTo("strike");
        assertThat(StorySimilarity.stem("companies")).isEqualTo("company");
        assertThat(StorySimilarity.stem("taxes")).isEqualTo("tax");
        assertThat(StorySimilarity.stem("address")).isEqualTo("address");
        assertThat(StorySimilarity.stem("census")).isEqualTo("census");
        StoryKeys a = new StoryKeys(Map.of("containers", 1.0, "strikes", 1.0), Map.of());
        StoryKeys b = new StoryKeys(Map.of("container", 1.0, "strike", 1.0), Map.of());
        assertThat(StorySimilarity.score(a, b, DEFAULTS).keywords()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
