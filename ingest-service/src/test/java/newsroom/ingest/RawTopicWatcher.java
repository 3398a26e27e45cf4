package newsroom.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import newsroom.events.EventJson;
import newsroom.events.RawArticle;
import newsroom.events.Topics;

/**
 * Reads {@code news.articles.raw} from the offsets it had when created (the topic is shared with other tests):
 * a plain consumer, no group, every partition assigned.
 */
final class RawTopicWatcher implements AutoCloseable {
    record Received(String key, RawArticle article, Map<String, String> headers) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Keeps only the records whose key passes (reading a whole shared topic need not keep everyone's records). */
    private java.util.function.Predicate<String> keyFilter;

    RawTopicWatcher keepingOnly(java.util.function.Predicate<String> keys) {
        this.keyFilter = keys;
        return this;
    }

    RawTopicWatcher(String bootstrapServers) {
        this(bootstrapServers, false);
    }

    /** @param fromBeginning read the whole topic rather than only what is published from now on */
    RawTopicWatcher(String bootstrapServers, boolean fromBeginning) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // if the topic was emptied, read it all again
        ensureTopic(bootstrapServers);
        consumer = new KafkaConsumer<>(p);
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.RAW_ARTICLES, Duration.ofSeconds(30));
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is posted
    }

    /** On a fresh stack the topic may not exist yet: create it with the broker's defaults. */
    private static void ensureTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.RAW_ARTICLES, Optional.empty(), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls once and returns everything received so far. */
    List<Received> poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            if (keyFilter != null && !keyFilter.test(r.key())) {
                continue;
            }
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> headers.put(h.key(), new String(h.value())));
            received.add(new Received(r.key(), parse(r.value()), headers));
        }
        return received;
    }

    /** Other tests publish deliberately broken records to the shared topic: those are kept without an article. */
    private static RawArticle parse(byte[] value) {
        try {
            return value == null ? null : EventJson.fromJson(value, RawArticle.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    List<Received> forKey(String key) {
        return poll().stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Reads up to the current end of every partition, so that everything published before now has been seen. */
    void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            poll();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
