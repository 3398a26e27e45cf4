package newsroom.search.story.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import newsroom.search.ManualClock;

class StoryRecordCacheTest {
    private static final String INDEX = "articles-v3-stories";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final StoryRecordCache cache = new StoryRecordCache(Duration.ofSeconds(30), 3, clock);

    private static StoryRecord live(String id) {
        return new StoryRecord(id, Instant.parse("2026-12-01T10:00:00Z"), id.substring(2), null, null);
    }

    @Test
    void anEntryIsGivenBackUntilItsRetentionIsOver() {
        cache.hold(INDEX, List.of(live("s-a"), live("s-b")));
        clock.advance(Duration.ofSeconds(20));
        cache.hold(INDEX, List.of(live("s-c")));

        assertThat(cache.fresh(INDEX, List.of("s-a", "s-b", "s-c", "s-x"))).containsOnlyKeys("s-a", "s-b", "s-c");
        clock.advance(Duration.ofSeconds(11));
        assertThat(cache.fresh(INDEX, List.of("s-a", "s-b", "s-c"))).containsOnlyKeys("s-c");
    }

    @Test
    void holdingAnEntryAgainRenewsIt() {
        cache.hold(INDEX, List.of(live("s-a")));
        clock.advance(Duration.ofSeconds(25));
        StoryRecord merged = new StoryRecord("s-a", live("s-a").firstSeen(), "a", "s-b", clock.instant());
        cache.hold(INDEX, List.of(merged));
        clock.advance(Duration.ofSeconds(25));

        assertThat(cache.fresh(INDEX, List.of("s-a"))).containsEntry("s-a", merged);
    }

    @Test
    void aForgottenEntryIsReadAgain() {
        cache.hold(INDEX, List.of(live("s-a"), live("s-b")));
        cache.forget("s-a");

        assertThat(cache.fresh(INDEX, List.of("s-a", "s-b"))).containsOnlyKeys("s-b");
    }

    @Test
    void theOldestGoPastTheCapacity() {
        cache.hold(INDEX, List.of(live("s-a"), live("s-b"), live("s-c")));
        clock.advance(Duration.ofSeconds(1));
        cache.hold(INDEX, List.of(live("s-a"), live("s-d")));

        assertThat(cache.fresh(INDEX, List.of("s-a", "s-b", "s-c", "s-d"))).containsOnlyKeys("s-a", "s-c", "s-d");
    }

    @Test
    void anotherIndexVersionHasOtherStories() {
        cache.hold(INDEX, List.of(live("s-a")));
        assertThat(cache.fresh("articles-v4-stories", List.of("s-a"))).isEmpty();

        cache.hold("articles-v4-stories", List.of(live("s-b")));
        assertThat(cache.fresh(INDEX, List.of("s-a", "s-b"))).isEmpty();
        assertThat(cache.fresh("articles-v4-stories", List.of("s-a", "s-b"))).containsOnlyKeys("s-b");
    }

    @Test
    void noRetentionHoldsNothing() {
        StoryRecordCache off = new StoryRecordCache(Duration.ZERO, 3, clock);
        off.hold(INDEX, List.of(live("s-a")));

        assertThat(off.fresh(INDEX, List.of("s-a"))).isEmpty();
    }
}
