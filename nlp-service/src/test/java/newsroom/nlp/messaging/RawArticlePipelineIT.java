package newsroom.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.events.Mention;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.nlp.TopicProbe;
import newsroom.stack.testing.LocalStackTestResource;

/** The Kafka path on the real test broker: raw in, enriched out; garbage to the DLQ while the loop goes on. */
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

            AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                found.set(enriched.find(r -> id.equals(r.key())));
                return found.get() != null;
            });
            EnrichedArticle article = EventJson.fromJson(found.get().value(), EnrichedArticle.class);
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
    void garbageGoesToTheDeadLetterTopicWithAReasonAndTheNextRecordIsStillProcessed() {
        String badKey = "nlp-it-bad-" + UUID.randomUUID();
        String goodId = "nlp-it-good-" + UUID.randomUUID();
        try (TopicProbe dlq = new TopicProbe(bootstrap, Topics.deadLetter(Topics.RAW_ARTICLES));
                TopicProbe enriched = new TopicProbe(bootstrap, Topics.ENRICHED_ARTICLES)) {
            TopicProbe.produce(bootstrap, Topics.RAW_ARTICLES, badKey, "{not json at all".getBytes(StandardCharsets.UTF_8));
            TopicProbe.produce(bootstrap, Topics.RAW_ARTICLES, goodId,
                    EventJson.toBytes(raw(goodId, "Venezuela", "Tren de Aragua members were sent to El Salvador.")));

            AtomicReference<ConsumerRecord<String, byte[]>> dead = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                dead.set(dlq.find(r -> badKey.equals(r.key())));
                return dead.get() != null;
            });
            String reason = new String(dead.get().headers().lastHeader(RawArticleConsumer.HEADER_REASON).value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains("not a RawArticle JSON");
            assertThat(new String(dead.get().headers().lastHeader(RawArticleConsumer.HEADER_TOPIC).value(),
                    StandardCharsets.UTF_8)).isEqualTo(Topics.RAW_ARTICLES);
            assertThat(new String(dead.get().value(), StandardCharsets.UTF_8)).isEqualTo("{not json at all");

            await().atMost(Duration.ofSeconds(60)).until(() -> enriched.find(r -> goodId.equals(r.key())) != null);
            EnrichedArticle good = EventJson.fromJson(enriched.find(r -> goodId.equals(r.key())).value(),
                    EnrichedArticle.class);
            assertThat(good.entities()).extracting(ArticleEntity::id).contains("organization:tren-de-aragua",
                    "location:el-salvador", "location:venezuela");
        }
    }
}
