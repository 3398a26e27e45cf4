package newsroom.search.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsroom.search.config.SearchConfig;

/**
 * What the indexer has done, for the alias switch and for liveness: the next offset to index per partition (only
 * ever moves forward, so a partition that leaves and comes back after a rebalance is at worst behind, never ahead),
 * when a batch was last acknowledged, and how many records wait. Stalled = records have been waiting, with no batch
 * acknowledged, for longer than the stall timeout.
 */
@ApplicationScoped
public class IndexerProgress {
    private final Clock clock;
    private final Duration stallTimeout;
    private final Map<TopicPartition, Long> indexedUpTo = new ConcurrentHashMap<>();
    /** The indexer's consumer group's committed offsets, whichever instance committed them (IndexerMonitor). */
    private final Map<TopicPartition, Long> groupCommitted = new ConcurrentHashMap<>();
    private volatile boolean groupCommitsRead;
    private final Instant started;
    private volatile Instant lastProgress;
    private volatile Instant waitingSince;
    private volatile long lag = -1;
    private volatile String lastError;

    @Inject
    public IndexerProgress(SearchConfig config) {
        this(Clock.systemUTC(), config.indexer().stallTimeout());
    }

    IndexerProgress(Clock clock, Duration stallTimeout) {
        this.clock = clock;
        this.stallTimeout = stallTimeout;
        this.started = clock.instant();
    }

    /** A batch was acknowledged: {@code nextOffsets} holds, per partition, the offset after its last record. */
    public void indexed(Map<TopicPartition, Long> nextOffsets) {
        nextOffsets.forEach((partition, next) -> indexedUpTo.merge(partition, next, Math::max));
        lastProgress = clock.instant();
        lastError = null;
    }

    /** The offset this instance has indexed up to on a partition, or -1 when it never indexed there. */
    public long indexedUpTo(TopicPartition partition) {
        return indexedUpTo.getOrDefault(partition, -1L);
    }

    /**
     * The indexer group's committed offsets, as just read: what any instance has indexed (or dead-lettered) and
     * committed. Like this instance's own progress they only ever move forward.
     */
    public void groupCommitted(Map<TopicPartition, Long> committed) {
        committed.forEach((partition, next) -> groupCommitted.merge(partition, next, Math::max));
        groupCommitsRead = true;
    }

    /**
     * The offset the indexer is known to have passed on a partition, whichever instance indexed it: this instance's
     * progress or its consumer group's commit; -1 when neither is known.
     */
    public long passedUpTo(TopicPartition partition) {
        return Math.max(indexedUpTo(partition), groupCommitted.getOrDefault(partition, -1L));
    }

    /** True once the group's commits have been read: {@link #passedUpTo} then sees every instance's indexing. */
    public boolean seesGroup() {
        return groupCommitsRead;
    }

    public void failed(String error) {
        lastError = error;
    }

    /** Records still to index on this instance's partitions, as last measured. */
    public void lagMeasured(long waiting) {
        lag = waiting;
        if (waiting <= 0) {
            waitingSince = null;
        } else if (waitingSince == null) {
            waitingSince = clock.instant();
        }
    }

    /** True when records have waited longer than the stall timeout without any batch acknowledged meanwhile. */
    public boolean stalled() {
        Instant since = waitingSince;
        if (lag <= 0 || since == null) {
            return false;
        }
        Instant last = lastProgress;
        Instant from = last != null && last.isAfter(since) ? last : since;
        return Duration.between(from, clock.instant()).compareTo(stallTimeout) > 0;
    }

    public long lag() {
        return lag;
    }

    public Instant lastProgress() {
        return lastProgress;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    /** {@code null} when the last attempt worked. */
    public String lastError() {
        return lastError;
    }

    public Duration stallTimeout() {
        return stallTimeout;
    }

    public Instant started() {
        return started;
    }
}
