package newsroom.search.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import newsroom.search.ManualClock;

class IndexerProgressTest {
    static final TopicPartition P0 = new TopicPartition("news.articles.enriched", 0);

    final ManualClock clock = new ManualClock(Instant.parse("2025-06-01T10:00:00Z"));
    final IndexerProgress progress = new IndexerProgress(clock, Duration.ofMinutes(5));

    @Test
    void idleWithNothingWaitingIsNeverStalled() {
        progress.lagMeasured(0);
        clock.advance(Duration.ofHours(3));
        progress.lagMeasured(0);
        assertThat(progress.stalled()).isFalse();
    }

    @Test
    void recordsArrivingAfterALongIdleTimeAreNotAStallYet() {
        progress.indexed(Map.of(P0, 10L));
        clock.advance(Duration.ofHours(3));
        progress.lagMeasured(4);
        assertThat(progress.stalled()).isFalse();
        clock.advance(Duration.ofMinutes(4));
        assertThat(progress.stalled()).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(progress.stalled()).as("waiting 6 min with no batch indexed").isTrue();
    }

    @Test
    void steadyProgressUnderConstantLagIsNotAStall() {
        progress.lagMeasured(500);
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(1));
            progress.indexed(Map.of(P0, 100L * (i + 1)));
            progress.lagMeasured(500);
        }
        assertThat(progress.stalled()).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(progress.stalled()).isTrue();
        progress.indexed(Map.of(P0, 5000L));
        assertThat(progress.stalled()).as("a batch indexed again").isFalse();
    }

    @Test
    void catchingUpClearsTheWait() {
        progress.lagMeasured(3);
        clock.advance(Duration.ofMinutes(10));
        assertThat(progress.stalled()).isTrue();
        progress.lagMeasured(0);
        assertThat(progress.stalled()).isFalse();
    }

    @Test
    void indexedOffsetsOnlyMoveForward() {
        progress.indexed(Map.of(P0, 40L));
        progress.indexed(Map.of(P0, 25L)); // a batch redelivered after a rebalance
        assertThat(progress.indexedUpTo(P0)).isEqualTo(40L);
        assertThat(progress.indexedUpTo(new TopicPartition("news.articles.enriched", 1))).isEqualTo(-1L);
    }

    @Test
    void anotherInstancesCommitCountsAsPassedButNotAsIndexedHere() {
        TopicPartition p1 = new TopicPartition("news.articles.enriched", 1);
        assertThat(progress.seesGroup()).isFalse();
        progress.indexed(Map.of(P0, 40L));
        progress.groupCommitted(Map.of(P0, 30L, p1, 12L));
        assertThat(progress.seesGroup()).isTrue();
        assertThat(progress.passedUpTo(P0)).as("this instance is ahead of the last commit").isEqualTo(40L);
        assertThat(progress.passedUpTo(p1)).as("committed by another instance").isEqualTo(12L);
        assertThat(progress.indexedUpTo(p1)).isEqualTo(-1L);
        progress.groupCommitted(Map.of(p1, 5L)); // an older answer arriving late
        assertThat(progress.passedUpTo(p1)).isEqualTo(12L);
        assertThat(progress.passedUpTo(new TopicPartition("news.articles.enriched", 2))).isEqualTo(-1L);
    }

    @Test
    void anErrorIsShownUntilTheNextBatchIsIndexed() {
        progress.failed("Elasticsearch asked to retry 3 document(s)");
        assertThat(progress.lastError()).contains("retry");
        progress.indexed(Map.of(P0, 1L));
        assertThat(progress.lastError()).isNull();
    }
}
