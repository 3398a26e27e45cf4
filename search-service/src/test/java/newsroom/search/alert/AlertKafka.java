package newsroom.search.alert;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.events.Topics;

/** The alert tests' side of Kafka, through KafkaCompanion: articles in, alerts out. */
public final class AlertKafka implements AutoCloseable {
    private final KafkaCompanion companion;

    public AlertKafka(String bootstrap) {
        this.companion = new KafkaCompanion(bootstrap, Duration.ofSeconds(30));
    }

    /** Puts an article on news.articles.enriched, keyed by its id, and waits for the broker's acknowledgement. */
    public void send(EnrichedArticle article) {
        companion.produce(String.class, byte[].class)
                .fromRecords(KafkaCompanion.record(Topics.ENRICHED_ARTICLES, article.id(), EventJson.toBytes(article)))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /** Puts articles on news.articles.enriched with one producer, and waits for every acknowledgement. */
    public void send(List<EnrichedArticle> articles) {
        List<ProducerRecord<String, byte[]>> records = articles.stream()
                .map(a -> KafkaCompanion.<String, byte[]>record(Topics.ENRICHED_ARTICLES, a.id(), EventJson.toBytes(a)))
                .toList();
        companion.produce(String.class, byte[].class).fromRecords(records).awaitCompletion(Duration.ofSeconds(60));
    }

    /** The end of every partition of news.alerts now (the topic is created when missing). */
    Map<TopicPartition, Long> alertsEnd() {
        if (!companion.topics().list().contains(Topics.ALERTS)) {
            try {
                companion.topics().createAndWait(Topics.ALERTS, 3);
            } catch (RuntimeException createdMeanwhile) {
                // the service's first publication created it
            }
        }
        TopicDescription topic = companion.topics().describe(Topics.ALERTS).get(Topics.ALERTS);
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        topic.partitions()
                .forEach(p -> specs.put(new TopicPartition(Topics.ALERTS, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        companion.offsets().list(specs).forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /** The records of news.alerts after {@code from} keyed by this subscription id. */
    ConsumerTask<String, byte[]> alerts(Map<TopicPartition, Long> from, String subscriptionId) {
        return companion.consume(String.class, byte[].class)
                .fromOffsets(from, records -> records.select().where(r -> subscriptionId.equals(r.key())));
    }

    @Override
    public void close() {
        companion.close();
    }
}
