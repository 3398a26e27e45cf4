package newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import newsroom.events.EventJson;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.ingest.repository.ArticleRecord;
import newsroom.ingest.repository.OutboxMessage;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * A row the producer can never send (over its 4 MiB max.request.size) is parked with the reason at once, and the 50
 * ordinary rows written behind it in the same transaction are published all the same; the operator endpoint shows
 * it and puts it back in line.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class OutboxParkingTest {
    private static final int ORDINARY = 50;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<String> ids = new ArrayList<>();

    @Test
    void aRowTooLargeForTheProducerIsParkedAndTheRowsBehindItArePublished() {
        String bigId = id(0);
        Set<String> ordinary = new HashSet<>();
        for (int i = 1; i <= ORDINARY; i++) {
            ordinary.add(id(i));
        }
        Set<String> mine = new HashSet<>(ordinary);
        mine.add(bigId);
        try (RawTopicWatcher topic = new RawTopicWatcher(bootstrapServers, false, mine::contains)) {
            // one transaction, the big row first: it heads the relay's next round
            QuarkusTransaction.requiringNew().run(() -> {
                store(bigId, "Too large to publish " + run + " " + "x".repeat(5 * 1024 * 1024));
                for (String id : ordinary.stream().sorted().toList()) {
                    store(id, "An ordinary text " + id + " written behind a row that cannot be sent.");
                }
            });

            await("the big row parked").atMost(Duration.ofSeconds(60)).until(() -> parkedAt(bigId) != null);
            assertThat(lastError(bigId)).contains("RecordTooLargeException");
            await("the 50 ordinary rows on the topic").atMost(Duration.ofSeconds(60))
                    .until(() -> keys(topic).containsAll(ordinary));
            assertThat(keys(topic)).doesNotContain(bigId);
            long sent = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                    "articleId in ?1 and sentAt is not null", ordinary));
            assertThat(sent).isEqualTo(ORDINARY);

            // readiness stays UP and says why something is parked
            JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            assertThat(ready.getString("status")).isEqualTo("UP");
            assertThat(ready.getInt("checks.find { it.name == 'Outbox relay' }.data.parked")).isPositive();
            assertThat(given().get("/api/outbox/parked").then().statusCode(200).extract().jsonPath()
                    .getLong("parked")).isPositive();
            await("the gauge counts it").atMost(Duration.ofSeconds(20)).until(() -> parkedGauge() >= 1);

            // re-queued by an operator: tried again (and, still too large, parked again with a fresh count)
            long rowId = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("articleId", bigId)
                    .firstResult().id);
            given().post("/api/outbox/parked/requeue?id=" + rowId).then().statusCode(200).body("requeued",
                    org.hamcrest.Matchers.equalTo(1));
            await("parked again after the retry").atMost(Duration.ofSeconds(60))
                    .until(() -> parkedAt(bigId) != null && attempts(bigId) == 1);
        }
    }

    private String id(int i) {
        return (run + String.format("%012d", i)).substring(0, 24);
    }

    private void store(String id, String body) {
        ids.add(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ArticleRecord a = new ArticleRecord();
        a.id = id;
        a.source = "outbox-parking-" + run;
        a.title = "Parking " + id;
        a.body = body.length() > 200 ? body.substring(0, 200) : body;
        a.receivedAt = now;
        a.contentHash = String.format("%64s", id).replace(' ', '0');
        a.persist();
        ArticleRecord.flush();
        OutboxMessage m = new OutboxMessage();
        m.articleId = id;
        m.topic = Topics.RAW_ARTICLES;
        m.payload = EventJson.toJson(new RawArticle(RawArticle.SCHEMA_VERSION, id, null, a.source, a.title, body, null,
                null, now, a.contentHash, null));
        m.createdAt = now;
        m.persist();
        ArticleRecord.flush();
    }

    private static Object column(String id, String column) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.getEntityManager().createNativeQuery(
                "select " + column + " from ingest.outbox where article_id = :id").setParameter("id", id).getSingleResult());
    }

    private static Object parkedAt(String id) {
        return column(id, "parked_at");
    }

    private static String lastError(String id) {
        return (String) column(id, "last_error");
    }

    private static int attempts(String id) {
        return ((Number) column(id, "attempts")).intValue();
    }

    private static double parkedGauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("newsroom_outbox_parked{") && l.contains("table=\"ingest.outbox\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    /** The big row stays parked forever otherwise: take this test's rows out of the shared database. */
    @AfterEach
    void removeRows() {
        if (ids.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage.delete("articleId in ?1", ids);
            ArticleRecord.delete("id in ?1", ids);
        });
    }

    private static Set<String> keys(RawTopicWatcher topic) {
        return topic.poll().stream().map(RawTopicWatcher.Received::key).collect(Collectors.toSet());
    }
}
