package newsroom.search.alert.messaging;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.TopicPartition;

import newsroom.events.EnrichedArticle;

/**
 * An article of the matcher's batch that a search cannot find yet, and when to stop waiting for it.
 *
 * <p>An alert never goes out before its article is searchable, so the matcher waits for the indexer. Once the indexer
 * (this instance's, or any instance's through the group's committed offset) is seen past the article's offset, one
 * refresh makes it searchable: a search begun {@link #REFRESH_GRACE} after that still not finding it means the indexer
 * dead-lettered it. Before that the indexer is only behind (a takeover after an instance died, a backlog), and the
 * article waits for it however long that takes: a timeout counted from the record's time gave up on articles whose
 * partition waited a minute for the dead instance's session to expire. Only an instance that runs no indexer (so
 * cannot see the group's offsets) falls back to a timeout from when it read the article or Elasticsearch came back.
 */
final class WaitingArticle {
    /** How long an article the indexer has passed may take to show up (one refresh, with room). */
    static final Duration REFRESH_GRACE = Duration.ofSeconds(5);

    final EnrichedArticle article;
    final TopicPartition partition;
    final long offset;
    private final Instant readAt;
    /** When the indexer was first seen past the article's offset; null until then. */
    private Instant passedAt;

    WaitingArticle(EnrichedArticle article, TopicPartition partition, long offset, Instant readAt) {
        this.article = article;
        this.partition = partition;
        this.offset = offset;
        this.readAt = readAt;
    }

    /**
     * Whether a search that began at {@code askedAt} and did not find the article was the last one worth making.
     *
     * @param now when the indexer's progress was read (after that search)
     * @param indexerPassedUpTo the offset the indexer is known to have passed on the article's partition, -1 if none
     * @param seesIndexer whether this instance can see the indexer's progress at all
     * @param reachableSince when Elasticsearch last became reachable
     * @param timeout the fallback wait of an instance that cannot see the indexer
     */
    boolean hopeless(Instant askedAt, Instant now, long indexerPassedUpTo, boolean seesIndexer, Instant reachableSince,
            Duration timeout) {
        if (passedAt == null && indexerPassedUpTo > offset) {
            passedAt = now;
        }
        if (passedAt != null) {
            return askedAt.isAfter(passedAt.plus(REFRESH_GRACE));
        }
        if (seesIndexer) {
            return false;
        }
        Instant from = readAt.isAfter(reachableSince) ? readAt : reachableSince;
        return askedAt.isAfter(from.plus(timeout));
    }

    /** Why {@link #hopeless} gave the article up, for the log. */
    String reason(Duration timeout) {
        return passedAt != null ? "the indexer passed it, so it was dead-lettered"
                : "this instance runs no indexer and waited " + timeout;
    }
}
