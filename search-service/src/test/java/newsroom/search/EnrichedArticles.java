package newsroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import newsroom.events.ArticleEntity;
import newsroom.events.ArticleText;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.events.Mention;
import newsroom.events.NlpInfo;
import newsroom.events.Topics;

/** Builds enriched articles (written for these tests) and puts them on the real topic. */
public final class EnrichedArticles implements AutoCloseable {

    static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaCompanion companion;
    private final ProducerBuilder<String, byte[]> producer;

    public EnrichedArticles(String bootstrap) {
        this.companion = new KafkaCompanion(bootstrap, KAFKA_TIMEOUT);
        this.producer = companion.produce(String.class, byte[].class).withProp(ProducerConfig.ACKS_CONFIG, "all");
    }

    public KafkaCompanion companion() {
        return companion;
    }

    /** A short unique token: tests use it for ids, sources and words so the shared index never confuses them. */
    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An entity of an article, with its mentions found in the article text. */
    public record Ent(String id, String name, EntityType type, double salience, String... surfaces) {
    }

    public static EnrichedArticle article(String id, String source, Instant publishedAt, String title, String body,
            Ent... entities) {
        String text = ArticleText.of(title, body);
        List<ArticleEntity> list = new ArrayList<>();
        for (Ent e : entities) {
            List<Mention> mentions = new ArrayList<>();
            for (String surface : e.surfaces()) {
                int at = text.indexOf(surface);
                while (at >= 0) {
                    int start = at;
                    if (mentions.stream().noneMatch(m -> m.start() <= start && start < m.end())) {
                        mentions.add(new Mention(at, at + surface.length(), surface));
                    }
                    at = text.indexOf(surface, at + surface.length());
                }
            }
            list.add(new ArticleEntity(e.id(), e.name(), e.type(), mentions, Math.max(1, mentions.size()),
                    e.salience()));
        }
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, "https://news.example/" + source + "/" + id,
                source, title, body, "en", publishedAt, publishedAt == null ? Instant.now() : publishedAt.plusSeconds(60),
                "sha256:" + id, null, list, new NlpInfo("test", "1", 1));
    }

    public void send(EnrichedArticle article) {
        sendRaw(article.id(), EventJson.toBytes(article));
    }

    /** One article to each partition of the topic ({@code article} makes the one for partition p); returns them. */
    public List<EnrichedArticle> sendToEachPartition(java.util.function.IntFunction<EnrichedArticle> article) {
        int partitions = companion.topics().describe(Topics.ENRICHED_ARTICLES).get(Topics.ENRICHED_ARTICLES)
                .partitions().size();
        List<EnrichedArticle> sent = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            EnrichedArticle a = article.apply(p);
            producer.fromRecords(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, p, a.id(), EventJson.toBytes(a)))
                    .awaitCompletion(KAFKA_TIMEOUT);
            sent.add(a);
        }
        return sent;
    }

    public void sendRaw(String key, byte[] value) {
        producer.fromRecords(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, key, value)).awaitCompletion(KAFKA_TIMEOUT);
    }

    /** Every record of the dead-letter topic with this key, read from the beginning up to its current end. */
    public List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return deadLetters(Topics.deadLetter(Topics.ENRICHED_ARTICLES), key);
    }

    /** Every record of {@code topic} with this key, read from the beginning up to its current end. */
    public List<ConsumerRecord<String, byte[]>> deadLetters(String topic, String key) {
        if (!companion.topics().list().contains(topic)) {
            return List.of();
        }
        List<TopicPartition> partitions = companion.topics().describe(topic).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        long records = 0;
        for (TopicPartition partition : partitions) {
            records += companion.offsets().get(partition, OffsetSpec.latest()).offset()
                    - companion.offsets().get(partition, OffsetSpec.earliest()).offset();
        }
        if (records == 0) {
            return List.of();
        }
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var task = companion.consume(String.class, byte[].class).withGroupId("search-test-dlq-" + unique())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(topic, records, KAFKA_TIMEOUT)) {
            for (ConsumerRecord<String, byte[]> r : task.awaitCompletion(KAFKA_TIMEOUT).getRecords()) {
                if (key.equals(r.key())) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    public static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> out = new java.util.HashMap<>();
        record.headers().forEach(h -> out.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return out;
    }

    @Override
    public void close() {
        companion.close();
    }
}
