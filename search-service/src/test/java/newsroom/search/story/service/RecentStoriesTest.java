package newsroom.search.story.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.search.ManualClock;
import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.repository.Candidate;

/** What the assigner compares with between two refreshes: remembered, dated, re-pointed by merges, then forgotten. */
class RecentStoriesTest {
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    static final StoryKeys KEYS = new StoryKeys(Map.of("strike", 1.0), Map.of("org:guild", 2.0));

    @Test
    void remembersWithinTheWindowAndNeverTheArticleItself() {
        RecentStories recent = new RecentStories(Duration.ofSeconds(30), 100, new ManualClock(T0));
        recent.remember(List.of(new Candidate("a", "s-a", T0, KEYS),
                new Candidate("b", "s-a", T0.minus(Duration.ofDays(5)), KEYS),
                new Candidate("c", null, T0, KEYS)));

        assertThat(recent.near("x", T0.plusSeconds(3600), Duration.ofHours(72), KEYS)).extracting(Candidate::id)
                .containsExactly("a");
        assertThat(recent.near("a", T0, Duration.ofHours(72), KEYS)).isEmpty();
        assertThat(recent.known(List.of("a", "c", "z"))).containsOnlyKeys("a");
    }

    @Test
    void forgetsAfterTheRetentionAndBeyondTheCapacity() {
        ManualClock clock = new ManualClock(T0);
        RecentStories recent = new RecentStories(Duration.ofSeconds(30), 2, clock);
        recent.remember(List.of(new Candidate("a", "s-a", T0, KEYS)));
        clock.set(T0.plusSeconds(20));
        recent.remember(List.of(new Candidate("b", "s-b", T0, KEYS), new Candidate("c", "s-c", T0, KEYS)));
        assertThat(recent.known(List.of("a", "b", "c"))).containsOnlyKeys("b", "c");

        clock.set(T0.plusSeconds(51));
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.near("x", T0, Duration.ofHours(1), KEYS)).isEmpty();
        assertThat(recent.size()).isZero();
    }

    @Test
    void listsOnlyThoseSharingAnEntityOrAKeywordOldestFirst() {
        ManualClock clock = new ManualClock(T0);
        RecentStories recent = new RecentStories(Duration.ofSeconds(30), 100, clock);
        StoryKeys other = new StoryKeys(Map.of("regatta", 1.0), Map.of("location:cowes", 1.0));
        StoryKeys sameWord = new StoryKeys(Map.of("strike", 0.5, "regatta", 1.0), Map.of());
        StoryKeys sameEntity = new StoryKeys(Map.of("pay", 1.0), Map.of("org:guild", 1.0));
        recent.remember(List.of(new Candidate("c", "s-c", T0, sameEntity)));
        clock.set(T0.plusSeconds(1));
        recent.remember(List.of(new Candidate("a", "s-a", T0, sameWord), new Candidate("b", "s-b", T0, other)));

        assertThat(recent.near("x", T0, Duration.ofHours(1), KEYS)).extracting(Candidate::id)
                .containsExactly("c", "a");
        assertThat(recent.near("x", T0, Duration.ofHours(1), new StoryKeys(Map.of("unrelated", 1.0), Map.of())))
                .isEmpty();

        // remembered again: the newest now, listed by its new keys only
        clock.set(T0.plusSeconds(2));
        recent.remember(List.of(new Candidate("c", "s-c", T0, other)));
        assertThat(recent.near("x", T0, Duration.ofHours(1), KEYS)).extracting(Candidate::id).containsExactly("a");
        assertThat(recent.near("x", T0, Duration.ofHours(1), other)).extracting(Candidate::id)
                .containsExactly("a", "b", "c");

        // forgotten: listed nowhere
        clock.set(T0.plusSeconds(40));
        assertThat(recent.near("x", T0, Duration.ofHours(1), sameWord)).isEmpty();
    }

    @Test
    void aMergeMovesTheRememberedArticlesToTheSurvivor() {
        RecentStories recent = new RecentStories(Duration.ofSeconds(30), 100, new ManualClock(T0));
        recent.remember(List.of(new Candidate("a", "s-a", T0, KEYS), new Candidate("b", "s-b", T0, KEYS)));
        recent.repoint("s-b", "s-a");
        assertThat(recent.near("x", T0, Duration.ofHours(1), KEYS)).extracting(Candidate::storyId)
                .containsOnly("s-a");
    }
}
