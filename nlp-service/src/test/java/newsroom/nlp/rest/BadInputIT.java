package newsroom.nlp.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import newsroom.events.ArticleText;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.nlp.TopicProbe;
import newsroom.nlp.TestTexts;
import newsroom.stack.testing.LocalStackTestResource;

/** Empty, huge, binary and foreign input on the HTTP and Kafka paths of the running service. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class BadInputIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void fiveMegabytesThroughTheApiKeepOffsetsToTheEnd() {
        String body = TestTexts.fiveMegabytes();
        long t0 = System.nanoTime();
        JsonPath json = given().contentType(ContentType.JSON).body(Map.of("title", "Long file", "body", body))
                .when().post("/api/extract")
                .then().statusCode(200).extract().jsonPath();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
        List<Integer> starts = json.getList("entities.find { it.id == 'person:nayib-bukele' }.mentions.start", Integer.class);
        assertThat(starts.get(starts.size() - 1)).isEqualTo(ArticleText.of("Long file", body).lastIndexOf("Nayib Bukele"));
    }

    @Test
    void textOverTheLimitIsA413WithJsonError() {
        String body = "a ".repeat(3_000_001);
        given().contentType(ContentType.JSON).body(Map.of("body", body))
                .when().post("/api/extract")
                .then().statusCode(413).body("error", equalTo("text too large"));
    }

    @Test
    void binaryJunkAndOtherLanguagesAreAnswered() {
        byte[] bytes = new byte[50_000];
        new Random(7).nextBytes(bytes);
        given().contentType(ContentType.JSON).body(Map.of("body", new String(bytes, StandardCharsets.ISO_8859_1)))
                .when().post("/api/extract")
                .then().statusCode(200).body("entities", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("title", "Bukele y el CECOT", "body",
                "El presidente Nayib Bukele visitó el Centro de Confinamiento del Terrorismo el lunes por la mañana."))
                .when().post("/api/extract")
                .then().statusCode(200).body("language", equalTo("es"))
                .body("entities.find { it.id == 'facility:cecot' }.count", equalTo(2));
    }

    @Test
    void unprocessableRecordsGoToTheDeadLetterTopicAndLargeOnesAreProcessed() {
        String noId = "nlp-bad-noid-" + UUID.randomUUID();
        String junk = "nlp-bad-junk-" + UUID.randomUUID();
        String large = "nlp-large-" + UUID.randomUUID();
        StringBuilder b = new StringBuilder();
        while (b.length() < 500_000) {
            b.append("Lawyers for Kilmar Abrego Garcia met officials in San Salvador on Tuesday. ");
        }
        b.append("Finally, Nayib Bukele spoke.");
        byte[] junkBytes = new byte[2_000];
        new Random(3).nextBytes(junkBytes);
        try (TopicProbe dlq = new TopicProbe(bootstrap, Topics.deadLetter(Topics.RAW_ARTICLES));
                TopicProbe enriched = new TopicProbe(bootstrap, Topics.ENRICHED_ARTICLES)) {
            TopicProbe.produce(bootstrap, Topics.RAW_ARTICLES, noId,
                    "{\"schemaVersion\":1,\"title\":\"no id\",\"body\":\"text\"}".getBytes(StandardCharsets.UTF_8));
            TopicProbe.produce(bootstrap, Topics.RAW_ARTICLES, junk, junkBytes);
            TopicProbe.produce(bootstrap, Topics.RAW_ARTICLES, large, EventJson.toBytes(new RawArticle(1, large,
                    null, "nlp-test", "Long", b.toString(), null, null, Instant.now(), "h-" + large, null)));

            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.find(r -> noId.equals(r.key())) != null
                    && dlq.find(r -> junk.equals(r.key())) != null);
            assertThat(reason(dlq.find(r -> noId.equals(r.key())))).contains("without id");
            assertThat(reason(dlq.find(r -> junk.equals(r.key())))).contains("not a RawArticle JSON");

            await().atMost(Duration.ofSeconds(60)).until(() -> enriched.find(r -> large.equals(r.key())) != null);
            EnrichedArticle article = EventJson.fromJson(enriched.find(r -> large.equals(r.key())).value(),
                    EnrichedArticle.class);
            var garcia = article.entities().stream().filter(e -> e.id().equals("person:kilmar-abrego-garcia"))
                    .findFirst().orElseThrow();
            assertThat(garcia.count()).isGreaterThan(6_000);
            var bukele = article.entities().stream().filter(e -> e.id().equals("person:nayib-bukele")).findFirst()
                    .orElseThrow();
            assertThat(bukele.mentions().get(0).start()).isEqualTo(article.text().lastIndexOf("Nayib Bukele"));
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(KafkaDeadLetterQueue.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8);
    }
}
