package newsroom.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import newsroom.events.Topics;

/**
 * The suite's view of Kafka: where the topics it audits ended when the run began, the poison records it writes
 * straight to the consumed topics, and every record those topics received since.
 */
final class FaultTopics implements AutoCloseable {

    /** Topics some service consumes; a poison record on each must end in {@code <topic>.dlq}. */
    static final List<String> CONSUMED = List.of(Topics.RAW_ARTICLES, Topics.ENRICHED_ARTICLES, Topics.ENTITY_CHANGES,
            Topics.ALERTS);
    static final String POISON_PREFIX = "fault-suite-poison";

    /** A poison record as written: its key and value identify it again in a dead-letter topic. */
    record Poison(String topic, String key, String value) {
    }

    private final KafkaCompanion kafka;
    private final Map<String, Map<TopicPartition, Long>> start = new HashMap<>();

    FaultTopics(String bootstrap) {
        kafka = new KafkaCompanion(bootstrap, Duration.ofSeconds(30));
    }

    /**
     * What a run audits: the consumed topics' dead-letter topics, {@code news.alerts}, and the consumed topics
     * themselves (where each ended, to tell this run's dead letters from older ones).
     */
    static List<String> audited() {
        List<String> audited = new ArrayList<>(CONSUMED.stream().map(Topics::deadLetter).toList());
        audited.add(Topics.ALERTS);
        audited.addAll(CONSUMED);
        return audited;
    }

    /** Per dead-letter topic of a consumed topic, every record it received since {@link #snapshot}. */
    Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLettersSinceStart() {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLetters = new HashMap<>();
        for (String topic : CONSUMED) {
            deadLetters.put(Topics.deadLetter(topic), recordsSinceStart(Topics.deadLetter(topic)));
        }
        return deadLetters;
    }

    /** Notes where each audited topic ends now; only what comes after belongs to this run. */
    void snapshot(List<String> topics) {
        for (String topic : topics) {
            start.put(topic, endOffsets(topic));
        }
    }

    List<Poison> injectPoison(String run) {
        List<Poison> poison = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String topic : CONSUMED) {
            Poison p = new Poison(topic, POISON_PREFIX + "-" + run + "-" + topic,
                    POISON_PREFIX + " " + run + " on " + topic + ": {this is not an event");
            poison.add(p);
            records.add(new ProducerRecord<>(topic, p.key(), p.value()));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(60));
        return poison;
    }

    /** Every record the topic received since {@link #snapshot}, keys and values as raw bytes. */
    List<ConsumerRecord<byte[], byte[]>> recordsSinceStart(String topic) {
        Map<TopicPartition, Long> end = endOffsets(topic);
        Map<TopicPartition, Long> from = new HashMap<>();
        long count = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            long first = start.getOrDefault(topic, Map.of()).getOrDefault(e.getKey(), 0L);
            from.put(e.getKey(), first);
            count += Math.max(0, e.getValue() - first);
        }
        if (count == 0) {
            return List.of();
        }
        return kafka.consumeWithDeserializers(new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .fromOffsets(from, count).awaitCompletion(Duration.ofMinutes(2)).getRecords();
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        Set<String> existing = kafka.topics().list();
        if (!existing.contains(topic)) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        kafka.topics().describe(topic).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        kafka.offsets().list(latest).forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /**
     * True when a dead-letter record's original (its {@code dead-letter-topic}/{@code -partition}/{@code -offset}
     * headers) was on its topic before {@link #snapshot}: not this run's, but older poison (another test's) that a
     * consumer group new to the topic reached during the run.
     */
    boolean predatesRun(ConsumerRecord<byte[], byte[]> deadLetter) {
        String topic = header(deadLetter, "dead-letter-topic");
        String partition = header(deadLetter, "dead-letter-partition");
        String offset = header(deadLetter, "dead-letter-offset");
        if (topic == null || partition == null || offset == null || !start.containsKey(topic)) {
            return false;
        }
        long first = start.get(topic).getOrDefault(new TopicPartition(topic, Integer.parseInt(partition.trim())), 0L);
        return Long.parseLong(offset.trim()) < first;
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
