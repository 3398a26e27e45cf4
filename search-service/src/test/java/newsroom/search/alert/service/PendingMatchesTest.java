package newsroom.search.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import newsroom.events.EnrichedArticle;

class PendingMatchesTest {
    private static final Map<String, EnrichedArticle> ARTICLES = new LinkedHashMap<>();
    private static final Map<String, Set<String>> MATCHED = Map.of("a", Set.of("s1"), "b", Set.of());

    @Test
    void onlyAnArticleSomeSubscriptionMatchedIsWaitedFor() {
        PendingMatches pending = new PendingMatches(ARTICLES, MATCHED, Map.of(), false, 0);
        assertThat(pending.awaits("a")).isTrue();
        assertThat(pending.awaits("b")).isFalse();
        assertThat(pending.awaits("unknown")).isFalse();
    }

    @Test
    void everyArticleIsWaitedForWhileSomeSubscriptionIsMatchedOnElasticsearchOrFailed() {
        assertThat(new PendingMatches(ARTICLES, MATCHED, Map.of(), true, 0).awaits("b")).isTrue();
        assertThat(new PendingMatches(ARTICLES, MATCHED, Map.of("s2", "matching failed"), false, 0)
                .awaits("b")).isTrue();
    }
}
