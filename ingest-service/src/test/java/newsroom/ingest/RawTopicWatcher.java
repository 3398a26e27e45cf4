package newsroom.ingest;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import newsroom.events.EventJson;
import newsroom.events.RawArticle;
import newsroom.events.Topics;

/**
 * Reads {@code news.articles.raw} with {@link KafkaCompanion} from the offsets it had when created (the topic is
 * shared with other tests): no group, every partition assigned, optionally only the records whose key passes a filter.
 */
final class RawTopicWatcher implements AutoCloseable {
    record Received(String key, RawArticle article, Map<String, String> headers) {
    }

    private final KafkaCompanion companion;
    private final ConsumerBuilder<String, String> consumer;
    private final ConsumerTask<String, String> task;
    private final List<TopicPartition> partitions;

    RawTopicWatcher(String bootstrapServers) {
        this(bootstrapServers, false, key -> true);
    }

    /**
     * @param fromBeginning read the whole topic rather than only what is published from now on
     * @param keys          keeps only the records whose key passes (a whole shared topic need not be kept)
     */
    RawTopicWatcher(String bootstrapServers, boolean fromBeginning, Predicate<String> keys) {
        companion = new KafkaCompanion(bootstrapServers, Duration.ofSeconds(30));
        if (!companion.topics().list().contains(Topics.RAW_ARTICLES)) {
            try {
                companion.topics().createAndWait(Topics.RAW_ARTICLES, 3); // a fresh stack: as auto-creation would
            } catch (RuntimeException e) {
                companion.topics().waitForTopic(Topics.RAW_ARTICLES).await().atMost(Duration.ofSeconds(30)); // created meanwhile
            }
        }
        partitions = companion.topics().describe(Topics.RAW_ARTICLES).get(Topics.RAW_ARTICLES).partitions().stream()
                .map(p -> new TopicPartition(Topics.RAW_ARTICLES, p.partition())).toList();
        OffsetSpec from = fromBeginning ? OffsetSpec.earliest() : OffsetSpec.latest();
        Map<TopicPartition, Long> start = companion.offsets()
                .list(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> from))).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        consumer = companion.consumeStrings().withIsolationLevel(IsolationLevel.READ_COMMITTED);
        task = consumer.fromOffsets(start, records -> records.select().where(r -> keys.test(r.key())));
    }

    /** Everything received so far. */
    List<Received> poll() {
        return task.getRecords().stream().map(RawTopicWatcher::received).toList();
    }

    private static Received received(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new HashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return new Received(r.key(), parse(r.value()), headers);
    }

    /** Other tests publish deliberately broken records to the shared topic: those are kept without an article. */
    private static RawArticle parse(String value) {
        try {
            return value == null ? null : EventJson.fromJson(value, RawArticle.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    List<Received> forKey(String key) {
        return poll().stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Waits until every partition has been read up to its end as of now. */
    void catchUp() {
        Map<TopicPartition, Long> end = companion.offsets()
                .list(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        await("read to the end of " + Topics.RAW_ARTICLES).atMost(Duration.ofSeconds(60))
                .until(() -> end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue()));
    }

    @Override
    public void close() {
        task.close();
        companion.close();
    }
}
