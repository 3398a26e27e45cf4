package newsroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

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

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    public EnrichedArticles(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
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

    public void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + Topics.ENRICHED_ARTICLES, e);
        }
    }

    /** Reads the dead-letter topic from the start and returns the records with this key. */
    public List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "search-test-dlq-" + unique());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.ENRICHED_ARTICLES)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean sawRecords = false;
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> r : records) {
                    sawRecords = true;
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
                if (!found.isEmpty() || (sawRecords && records.isEmpty())) {
                    break;
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
        producer.close(Duration.ofSeconds(5));
    }
}
