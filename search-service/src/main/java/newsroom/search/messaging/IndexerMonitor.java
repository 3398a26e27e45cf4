package newsroom.search.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.config.SearchConfig;
import newsroom.search.repository.ArticleIndex;

/**
 * Every few seconds: prepares the index until that worked, measures how many records wait on this instance's
 * partitions (for liveness), reads the group's committed offsets (for the alert matcher), and once every record is
 * indexed moves the alias to this index version (README.md, "Mapping changes"), only ever forward.
 *
 * <p>The lag is end offset minus what {@link IndexerProgress} says was indexed (or the group's committed offset, or
 * the log start, when this instance has not indexed there yet). The connector's consumer position would not do: it
 * runs ahead of indexing by the records queued for the worker.
 */
@ApplicationScoped
public class IndexerMonitor {
    private static final Logger LOG = Logger.getLogger(IndexerMonitor.class);
    static final String CHANNEL = "enriched-articles";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);

    private final SearchConfig config;
    private final ArticleIndex index;
    private final IndexerProgress progress;
    private final KafkaClientService kafka;
    private volatile boolean aliasOnWriteIndex;

    public IndexerMonitor(SearchConfig config, ArticleIndex index, IndexerProgress progress, KafkaClientService kafka,
            MeterRegistry registry) {
        this.config = config;
        this.index = index;
        this.progress = progress;
        this.kafka = kafka;
        Gauge.builder("newsroom.search.indexer.lag", progress, IndexerProgress::lag)
                .description("Records waiting to be indexed on this instance's partitions (-1: not measured)")
                .register(registry);
    }

    @Scheduled(every = "${newsroom.search.indexer.monitor-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (!config.indexer().enabled()) {
            return;
        }
        try {
            index.prepare();
        } catch (Exception e) {
            progress.failed("cannot prepare index " + index.writeIndex() + ": " + e.getMessage());
            LOG.warn(progress.lastError());
            return;
        }
        KafkaConsumer<String, byte[]> consumer = kafka.getConsumer(CHANNEL);
        if (consumer == null) {
            return;
        }
        Long lag;
        try {
            lag = consumer.runOnPollingThread(this::lag).await().atMost(KAFKA_TIMEOUT.multipliedBy(3));
        } catch (RuntimeException e) {
            LOG.debugf("could not measure the indexer's lag: %s", e.getMessage());
            return; // Kafka unreachable: keep the last measure; a restart would not help anyway
        }
        if (lag == null) {
            return; // no partitions assigned (yet, or another instance has them all)
        }
        progress.lagMeasured(lag);
        if (lag == 0) {
            maybeSwitchAlias();
        }
    }

    /**
     * Runs on the connector's polling thread, the only thread allowed to use its consumer. Also records the group's
     * committed offsets on every partition of the topic, assigned here or not: the alert matcher reads from them
     * whether another instance has indexed an article ({@link IndexerProgress#passedUpTo}).
     */
    private Long lag(Consumer<String, byte[]> c) {
        Set<TopicPartition> assigned = c.assignment();
        Set<TopicPartition> all = new HashSet<>(assigned);
        List<PartitionInfo> partitions = c.partitionsFor(config.indexer().topic(), KAFKA_TIMEOUT);
        if (partitions != null) { // null or empty: the topic does not exist yet
            partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        }
        Map<TopicPartition, Long> committed = new HashMap<>();
        c.committed(all, KAFKA_TIMEOUT).forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        progress.groupCommitted(committed);
        if (assigned.isEmpty()) {
            return null;
        }
        Map<TopicPartition, Long> ends = c.endOffsets(assigned, KAFKA_TIMEOUT);
        Map<TopicPartition, Long> starts = c.beginningOffsets(assigned, KAFKA_TIMEOUT);
        long lag = 0;
        for (TopicPartition partition : assigned) {
            long done = Math.max(progress.passedUpTo(partition), starts.getOrDefault(partition, 0L));
            lag += Math.max(0, ends.getOrDefault(partition, 0L) - done);
        }
        return lag;
    }

    private void maybeSwitchAlias() {
        if (aliasOnWriteIndex || !config.index().switchAliasWhenCaughtUp()) {
            return;
        }
        try {
            Set<String> targets = index.aliasTargets();
            // Only ever forward: an older instance still running must not take the alias back from a newer version.
            if (targets.equals(Set.of(index.writeIndex()))
                    || targets.stream().anyMatch(t -> ArticleIndex.isNewerVersion(t, index.writeIndex()))) {
                aliasOnWriteIndex = true;
                return;
            }
            index.switchAliasToWriteIndex();
            aliasOnWriteIndex = true;
        } catch (Exception e) {
            LOG.warn("could not check or switch the alias: " + e);
        }
    }
}
