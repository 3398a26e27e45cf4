package newsroom.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.events.Mention;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.nlp.TopicProbe;
import newsroom.stack.testing.LocalStackTestResource;

/** The Kafka path on the real test broker: raw in, enriched out; poison records to the DLQ while the rest goes on. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class RawArticlePipelineIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static RawArticle raw(String id, String title, String body) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, "https://example.org/" + id, "nlp-test-" + id, title, body,
                null, Instant.parse("2025-04-15T10:00:00Z"), Instant.now(), "hash-" + id, null);
    }

    @Test
    void rawArticleComesOutEnrichedWithLinkedEntities() {
        String id = "nlp-it-" + UUID.randomUUID();
        String title = "Bukele and Trump discuss CECOT";
        String body = "Nayib Bukele told President Trump that Abrego García would stay in the Terrorism Confinement Center.";
        try (TopicProbe enriched = new TopicProbe(bootstrap, Topics.ENRICHED_ARTICLES)) {
            TopicProbe.produce(bootstrap, Topics.RAW_ARTICLES, id, EventJson.toBytes(raw(id, title, body)));

            await().atMost(Duration.ofSeconds(60)).until(() -> enriched.find(r -> id.equals(r.key())) != null);
            EnrichedArticle article = EventJson.fromJson(enriched.find(r -> id.equals(r.key())).value(),
                    EnrichedArticle.class);
            assertThat(article.id()).isEqualTo(id);
            assertThat(article.source()).isEqualTo("nlp-test-" + id);
            assertThat(article.nlp().engine()).isNotBlank();
            assertThat(article.entities()).extracting(ArticleEntity::id).contains("person:nayib-bukele",
                    "person:donald-trump", "person:kilmar-abrego-garcia", "facility:cecot");
            String text = article.text();
            for (ArticleEntity e : article.entities()) {
                for (Mention m : e.mentions()) {
                    assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
                }
            }
            ArticleEntity cecot = article.entities().stream().filter(e -> e.id().equals("facility:cecot")).findFirst()
                    .orElseThrow();
            assertThat(cecot.mentions()).extracting(Mention::text).containsExactly("CECOT", "Terrorism Confinement Center");
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonsAndTheGoodOnesBehindThemAreEnriched() {
        String run = UUID.randomUUID().toString();
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("nlp-poison-json-" + run, "{not json at all".getBytes(StandardCharsets.UTF_8));
        poison.put("nlp-poison-empty-" + run, new byte[0]);
        poison.put("nlp-poison-noid-" + run,
                "{\"schemaVersion\":1,\"title\":\"no id here\",\"body\":\"text\"}".getBytes(StandardCharsets.UTF_8));
        poison.put("nlp-poison-notext-" + run,
                ("{\"schemaVersion\":1,\"id\":\"nlp-poison-notext-" + run + "\"}").getBytes(StandardCharsets.UTF_8));
        Map<String, String> reasons = Map.of("nlp-poison-json-" + run, "not a RawArticle JSON",
                "nlp-poison-empty-" + run, "empty record value",
                "nlp-poison-noid-" + run, "RawArticle without id",
                "nlp-poison-notext-" + run, "has neither title nor body");
        List<String> good = List.of("nlp-good-1-" + run, "nlp-good-2-" + run, "nlp-good-3-" + run);

        try (TopicProbe dlq = new TopicProbe(bootstrap, Topics.deadLetter(Topics.RAW_ARTICLES));
                TopicProbe enriched = new TopicProbe(bootstrap, Topics.ENRICHED_ARTICLES)) {
            // poison and good records interleaved: each poison record has good ones written after it
            Map<String, RecordMetadata> written = new LinkedHashMap<>();
            int g = 0;
            for (Map.Entry<String, byte[]> p : poison.entrySet()) {
                written.put(p.getKey(), TopicProbe.produce(bootstrap, Topics.RAW_ARTICLES, p.getKey(), p.getValue()));
                if (g < good.size()) {
                    String id = good.get(g++);
                    TopicProbe.produce(bootstrap, Topics.RAW_ARTICLES, id, EventJson.toBytes(
                            raw(id, "Venezuela", "Tren de Aragua members were sent to El Salvador.")));
                }
            }

            await().atMost(Duration.ofSeconds(90)).until(() -> good.stream()
                    .allMatch(id -> enriched.find(r -> id.equals(r.key())) != null)
                    && poison.keySet().stream().allMatch(k -> dlq.find(r -> k.equals(r.key())) != null));

            List<ConsumerRecord<String, byte[]>> dead = dlq.all(r -> r.key() != null && r.key().endsWith(run));
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(poison.keySet());
            for (ConsumerRecord<String, byte[]> r : dead) {
                assertThat(header(r, KafkaDeadLetterQueue.DEAD_LETTER_REASON)).contains(reasons.get(r.key()));
                assertThat(header(r, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC)).isEqualTo(Topics.RAW_ARTICLES);
                RecordMetadata origin = written.get(r.key());
                assertThat(header(r, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION))
                        .isEqualTo(Integer.toString(origin.partition()));
                assertThat(header(r, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET)).isEqualTo(Long.toString(origin.offset()));
                assertThat(r.value()).isEqualTo(poison.get(r.key()));
            }
            for (String id : good) {
                EnrichedArticle article = EventJson.fromJson(enriched.find(r -> id.equals(r.key())).value(),
                        EnrichedArticle.class);
                assertThat(article.entities()).extracting(ArticleEntity::id).contains("organization:tren-de-aragua",
                        "location:el-salvador", "location:venezuela");
            }
            assertThat(enriched.all(r -> r.key() != null && r.key().endsWith(run))).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrderElementsOf(good);
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }
}
