package newsroom.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import newsroom.events.EventJson;
import newsroom.events.RawArticle;
import newsroom.nlp.TopicProbe;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * The time budget and the output size limit, on a service instance with tiny limits (its own topics and group, so
 * nothing else is affected): an article that takes longer than the budget, and one whose enriched record is larger
 * than the producer takes, go to the dead-letter topic with their reasons; a small article behind them is enriched.
 */
@QuarkusTest
@TestProfile(ArticleLimitsIT.TinyLimits.class)
@QuarkusTestResource(LocalStackTestResource.class)
class ArticleLimitsIT {

    static final String RAW = "news.articles.raw.nlp-limits-test";
    static final String ENRICHED = "news.articles.enriched.nlp-limits-test";
    static final String DLQ = RAW + ".dlq";

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.nlp.consumer.topic", RAW,
                    "newsroom.nlp.consumer.output-topic", ENRICHED,
                    "newsroom.nlp.consumer.group-id", "nlp-service-limits-test",
                    // a 900 KB article takes seconds (the model alone reads 200,000 characters); a sentence, milliseconds
                    "newsroom.nlp.consumer.extraction-budget", "500ms",
                    "mp.messaging.outgoing.enriched-articles.max.request.size", "65536");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static RawArticle raw(String id, String source, String title, String body) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, "https://example.org/" + id, source, title, body, null,
                Instant.parse("2025-05-02T08:00:00Z"), Instant.now(), "hash-" + id, null);
    }

    @Test
    void aSlowArticleAndAnUnpublishableOneAreDeadLetteredWithTheirReasonsAndTheNextIsEnriched() {
        String run = UUID.randomUUID().toString();
        String slow = "nlp-slow-" + run;
        String huge = "nlp-huge-" + run;
        String small = "nlp-small-" + run;
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 900_000; i++) {
            body.append("Officials in San Salvador met lawyers for the family on day ").append(i)
                    .append(", and Nayib Bukele said the talks would go on. ");
        }
        // small text, fast to extract, but a 100 KB source field makes its enriched record larger than 64 KB
        String bigSource = "Source ".repeat(15_000);

        try (TopicProbe dlq = new TopicProbe(bootstrap, DLQ); TopicProbe enriched = new TopicProbe(bootstrap, ENRICHED)) {
            TopicProbe.produce(bootstrap, RAW, slow, EventJson.toBytes(raw(slow, "nlp-test", "Talks", body.toString())));
            TopicProbe.produce(bootstrap, RAW, huge,
                    EventJson.toBytes(raw(huge, bigSource, "Short", "Nayib Bukele spoke on Monday.")));
            TopicProbe.produce(bootstrap, RAW, small,
                    EventJson.toBytes(raw(small, "nlp-test", "Venezuela", "Tren de Aragua members were sent to El Salvador.")));

            await().atMost(Duration.ofSeconds(120)).until(() -> dlq.find(r -> slow.equals(r.key())) != null
                    && dlq.find(r -> huge.equals(r.key())) != null && enriched.find(r -> small.equals(r.key())) != null);

            assertThat(reason(dlq.find(r -> slow.equals(r.key())))).isEqualTo("extraction exceeded 500 ms");
            assertThat(reason(dlq.find(r -> huge.equals(r.key()))))
                    .contains("enriched article " + huge + " cannot be published").contains("larger than 65536");
            assertThat(RawArticlePipelineIT.header(dlq.find(r -> huge.equals(r.key())),
                    KafkaDeadLetterQueue.DEAD_LETTER_TOPIC)).isEqualTo(RAW);
            List<ConsumerRecord<String, byte[]>> dead = dlq.all(r -> r.key() != null && r.key().endsWith(run));
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(slow, huge);
            assertThat(enriched.all(r -> r.key() != null && r.key().endsWith(run))).extracting(ConsumerRecord::key)
                    .containsExactly(small);
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return RawArticlePipelineIT.header(record, KafkaDeadLetterQueue.DEAD_LETTER_REASON);
    }
}
