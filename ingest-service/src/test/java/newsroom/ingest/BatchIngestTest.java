package newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import newsroom.ingest.repository.ArticleRecord;
import newsroom.stack.testing.LocalStackTestResource;

/** The batch endpoint on the real test stack: JSON arrays, NDJSON, per-item results, the count limit. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class BatchIngestTest {
    private static final Duration ON_TOPIC = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @io.quarkus.test.common.http.TestHTTPResource("/api/articles/batch")
    java.net.URI batchUri;

    RawTopicWatcher topic;
    String run;

    @BeforeEach
    void watchTopic() {
        topic = new RawTopicWatcher(bootstrapServers);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void aJsonArrayGetsOneResultPerElementInOrder() {
        String earlier = given().contentType("application/json").body(article(9)).post("/api/articles")
                .then().statusCode(202).extract().jsonPath().getString("id");

        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(article(0));
        batch.add(article(1));
        Map<String, Object> sameUrl = article(0);
        sameUrl.put("url", "https://batch-it.example/" + run + "/0/?utm_source=x");
        sameUrl.put("body", "Other words at the same address " + run);
        batch.add(sameUrl);
        Map<String, Object> noBody = article(3);
        noBody.remove("body");
        batch.add(noBody);
        batch.add(article(9)); // already posted on its own
        Map<String, Object> html = article(5);
        html.put("body", "<p>Paragraph one " + run + ".</p><script>x()</script><p>Paragraph two.</p>");
        batch.add(html);

        JsonPath answer = given().contentType("application/json").body(batch).post("/api/articles/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(answer.getList("results.status", String.class))
                .containsExactly("accepted", "accepted", "duplicate", "rejected", "duplicate", "accepted");
        assertThat(answer.getInt("accepted")).isEqualTo(3);
        assertThat(answer.getInt("duplicates")).isEqualTo(2);
        assertThat(answer.getInt("rejected")).isEqualTo(1);
        String first = answer.getString("results[0].id");
        assertThat(answer.getString("results[2].duplicateOf")).isEqualTo(first);
        assertThat(answer.getString("results[4].duplicateOf")).isEqualTo(earlier);
        assertThat(answer.getList("results[3].reasons", String.class)).singleElement().asString().startsWith("body");

        List<String> accepted = List.of(first, answer.getString("results[1].id"), answer.getString("results[5].id"));
        await().atMost(ON_TOPIC).until(() -> accepted.stream().allMatch(id -> !topic.forKey(id).isEmpty()));
        assertThat(topic.forKey(answer.getString("results[5].id")).get(0).article().body())
                .isEqualTo("Paragraph one " + run + ".\n\nParagraph two.");
        topic.catchUp();
        assertThat(topic.forKey(first)).hasSize(1);
    }

    @Test
    void ndjsonIsReadLineByLineAndABadLineIsRejectedAlone() {
        String ndjson = "{\"url\": \"https://batch-it.example/" + run + "/n1\", \"body\": \"First line article " + run + "\"}\n"
                + "{\"body\": \"broken\n"
                + "{\"url\": \"https://batch-it.example/" + run + "/n2\", \"body\": \"Second line article " + run + "\", \"title\": 12}\n"
                + "\n"
                + "{\"url\": \"https://batch-it.example/" + run + "/n3\", \"body\": \"Third line article " + run + "\"}\n";
        JsonPath answer = given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/articles/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.status", String.class)).containsExactly("accepted", "rejected", "rejected", "accepted");
        assertThat(answer.getList("results[1].reasons", String.class)).singleElement().asString().startsWith("line 2");
        assertThat(answer.getList("results[2].reasons", String.class)).singleElement().asString().startsWith("title");
        String id = answer.getString("results[3].id");
        await().atMost(ON_TOPIC).until(() -> !topic.forKey(id).isEmpty());
    }

    @Test
    void aBatchOverTheCountLimitIs413AndStoresNothing() {
        String marker = "overlimit" + run;
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            ndjson.append("{\"source\": \"").append(marker).append("\", \"body\": \"Item ").append(i).append(' ').append(marker).append("\"}\n");
        }
        given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/articles/batch")
                .then().statusCode(413).body("error", org.hamcrest.Matchers.notNullValue())
                .body("details[0]", org.hamcrest.Matchers.containsString("10000"));
        String array = "[" + ("{\"source\": \"" + marker + "\", \"body\": \"x\"},").repeat(10_000) + "{\"body\": \"last\"}]";
        // a client of its own: after the 413 above the server closes that connection mid-request
        java.net.http.HttpResponse<String> overArray;
        try {
            overArray = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                    java.net.http.HttpRequest.newBuilder(batchUri).header("Content-Type", "application/json")
                            .header("X-Api-Key", newsroom.support.access.testing.TestKeys.ADMIN)
                            .timeout(Duration.ofSeconds(60))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(array)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(overArray.statusCode()).as(overArray.body()).isEqualTo(413);
        assertThat(overArray.body()).contains("10000");
        long stored = QuarkusTransaction.requiringNew().call(() -> ArticleRecord.count("source", marker));
        assertThat(stored).isZero();
    }

    @Test
    void aMalformedArrayIs400AndStoresNothing() {
        String marker = "malformed" + run;
        given().contentType("application/json")
                .body("[{\"source\": \"" + marker + "\", \"body\": \"fine\"}, {\"source\": \"" + marker + "\", \"body\": ")
                .post("/api/articles/batch").then().statusCode(400).body("error", org.hamcrest.Matchers.notNullValue());
        long stored = QuarkusTransaction.requiringNew().call(() -> ArticleRecord.count("source", marker));
        assertThat(stored).isZero();
    }

    private Map<String, Object> article(int n) {
        Map<String, Object> a = new HashMap<>();
        a.put("url", "https://batch-it.example/" + run + "/" + n);
        a.put("source", "batch-it-" + run);
        a.put("title", "Batch article " + n + " " + run);
        a.put("body", "Body of batch article number " + n + " in run " + run + ".");
        return a;
    }
}
