package newsroom.nlp;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Reads a topic on the shared test broker from its current end (records of earlier runs and other modules are
 * skipped), and produces test records, through {@link KafkaCompanion}. Callers filter by their own unique keys.
 */
public final class TopicProbe implements AutoCloseable {
    private final KafkaCompanion companion;
    private final ConsumerTask<String, byte[]> records;

    public TopicProbe(String bootstrap, String topic) {
        companion = new KafkaCompanion(bootstrap, Duration.ofSeconds(30));
        ensureTopic(companion, topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        companion.topics().describe(topic).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        companion.offsets().list(latest).forEach((tp, info) -> ends.put(tp, info.offset()));
        // the end is fixed now, before the test produces
        records = companion.consume(byte[].class).fromOffsets(ends, Long.MAX_VALUE);
    }

    /** Creates the topic as the broker would auto-create it (3 partitions), unless it exists. */
    static void ensureTopic(KafkaCompanion companion, String topic) {
        try {
            companion.topics().create(List.of(new NewTopic(topic, 3, (short) 1)));
        } catch (RuntimeException e) {
            if (!isTopicExists(e)) {
                throw e;
            }
        }
    }

    private static boolean isTopicExists(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TopicExistsException) {
                return true;
            }
        }
        return false;
    }

    /** The first record read so far that matches, or null. */
    public ConsumerRecord<String, byte[]> find(Predicate<ConsumerRecord<String, byte[]>> match) {
        return records.stream().filter(match).findFirst().orElse(null);
    }

    /** Every record read so far that matches. */
    public List<ConsumerRecord<String, byte[]>> all(Predicate<ConsumerRecord<String, byte[]>> match) {
        return records.stream().filter(match).toList();
    }

    /** Produces one record and waits for the broker's acknowledgement; returns where it was written. */
    public static RecordMetadata produce(String bootstrap, String topic, String key, byte[] value) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            return companion.produce(byte[].class).withProp("max.request.size", Integer.toString(8 * 1024 * 1024))
                    .fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion(Duration.ofSeconds(60))
                    .getFirstRecord();
        }
    }

    @Override
    public void close() {
        records.close();
        companion.close();
    }
}
