package newsroom.search.alert.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import newsroom.events.EnrichedArticle;

class WaitingArticleTest {
    static final TopicPartition P3 = new TopicPartition("news.articles.enriched", 3);
    static final Instant READ = Instant.parse("2026-10-06T12:00:00Z");
    static final Instant LONG_AGO = READ.minus(Duration.ofHours(1));
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final WaitingArticle waiting = new WaitingArticle(new EnrichedArticle(1, "a-1", "https://example.org/a-1", "desk",
            "t", "b", "en", READ, READ, "h", null, List.of(), null), P3, 100, READ);

    Instant at(long seconds) {
        return READ.plusSeconds(seconds);
    }

    @Test
    void anArticleTheIndexerHasNotReachedWaitsForItHoweverLong() {
        // a takeover: the partition's indexer starts again a minute or more after the records were written
        for (long s : new long[] {1, 59, 61, 600, 3600}) {
            assertThat(waiting.hopeless(at(s), at(s), 99, true, LONG_AGO, TIMEOUT)).as("%d s", s).isFalse();
        }
    }

    @Test
    void anArticleTheIndexerPassedIsGivenUpOnlyBySearchesBegunARefreshLater() {
        assertThat(waiting.hopeless(at(10), at(11), 101, true, LONG_AGO, TIMEOUT)).as("first seen passed").isFalse();
        // a slow search that began within the grace and came back after it proves nothing
        assertThat(waiting.hopeless(at(15), at(40), 101, true, LONG_AGO, TIMEOUT)).isFalse();
        assertThat(waiting.hopeless(at(17), at(17), 101, true, LONG_AGO, TIMEOUT)).isTrue();
        assertThat(waiting.reason(TIMEOUT)).contains("dead-lettered");
    }

    @Test
    void theIndexerAtTheArticlesOwnOffsetHasNotPassedIt() {
        assertThat(waiting.hopeless(at(1), at(1), 100, true, LONG_AGO, TIMEOUT)).isFalse();
        assertThat(waiting.hopeless(at(30), at(30), 100, true, LONG_AGO, TIMEOUT)).isFalse();
    }

    @Test
    void withoutASightOfTheIndexerTheTimeoutCountsFromReadingOrElasticsearchComingBack() {
        assertThat(waiting.hopeless(at(59), at(59), -1, false, LONG_AGO, TIMEOUT)).isFalse();
        assertThat(waiting.hopeless(at(61), at(61), -1, false, LONG_AGO, TIMEOUT)).isTrue();
        assertThat(waiting.reason(TIMEOUT)).contains("runs no indexer");

        WaitingArticle during = new WaitingArticle(waiting.article, P3, 7, READ);
        assertThat(during.hopeless(at(61), at(61), -1, false, at(30), TIMEOUT))
                .as("Elasticsearch came back 30 s after the read").isFalse();
        assertThat(during.hopeless(at(91), at(91), -1, false, at(30), TIMEOUT)).isTrue();
    }
}
