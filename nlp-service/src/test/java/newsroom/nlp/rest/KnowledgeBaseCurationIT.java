package newsroom.nlp.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import newsroom.events.EntityChange;
import newsroom.events.EventJson;
import newsroom.events.Topics;
import newsroom.nlp.TopicProbe;
import newsroom.stack.testing.LocalStackTestResource;

/** The knowledge-base curation API and hot reload, on the real PostgreSQL and Kafka of the test stack. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class KnowledgeBaseCurationIT {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A capitalized made-up word, so no other test or article on the shared stack uses it. */
    static String word() {
        StringBuilder b = new StringBuilder();
        b.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        for (int i = 0; i < 9; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    static List<String> extractIds(String body) {
        return given().contentType(ContentType.JSON).body(Map.of("body", body))
                .when().post("/api/extract").then().statusCode(200)
                .extract().jsonPath().getList("entities.id", String.class);
    }

    @Test
    void anAliasAddedThroughTheApiLinksInTheNextArticle() {
        String first = word();
        String last = word();
        String nickname = word();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", first + " " + last, "type", "PERSON", "description", "test person"))
                .when().post("/api/entities")
                .then().statusCode(201)
                .body("id", equalTo("person:" + first.toLowerCase() + "-" + last.toLowerCase()))
                .extract().path("id");

        assertThat(extractIds("Yesterday " + first + " " + last + " arrived.")).contains(id);
        assertThat(extractIds("Yesterday " + nickname + " Junior arrived.")).doesNotContain(id);

        given().contentType(ContentType.JSON).body(Map.of("aliases", List.of(nickname + " Junior")))
                .when().post("/api/entities/" + id + "/aliases")
                .then().statusCode(200).body("aliases", hasItem(nickname + " Junior"));
        assertThat(extractIds("Yesterday " + nickname + " Junior arrived.")).contains(id);

        given().queryParam("alias", nickname + " Junior").when().delete("/api/entities/" + id + "/aliases")
                .then().statusCode(200).body("aliases", not(hasItem(nickname + " Junior")));
        assertThat(extractIds("Yesterday " + nickname + " Junior arrived.")).doesNotContain(id);
    }

    @Test
    void renameKeepsTheOldNameAsAliasAndDeleteStopsLinking() {
        String a = word();
        String b = word();
        String c = word();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("id", "organization:test-" + a.toLowerCase(), "name", a + " " + b + " Council", "type",
                        "ORGANIZATION"))
                .when().post("/api/entities").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", c + " " + b + " Council", "type", "ORGANIZATION"))
                .when().put("/api/entities/" + id)
                .then().statusCode(200).body("name", equalTo(c + " " + b + " Council"))
                .body("aliases", hasItem(a + " " + b + " Council"));
        assertThat(extractIds("The " + a + " " + b + " Council met the " + c + " " + b + " Council.")).contains(id);

        given().when().delete("/api/entities/" + id).then().statusCode(204);
        given().when().get("/api/entities/" + id).then().statusCode(404).body("error", equalTo("not found"));
        assertThat(extractIds("The " + c + " " + b + " Council met.")).doesNotContain(id);
    }

    @Test
    void mergeLinksBothNamesToTheSurvivorAndPublishesAMergedEvent() {
        String x = word();
        String y = word();
        String survivor = given().contentType(ContentType.JSON)
                .body(Map.of("name", x + " Brigade", "type", "ORGANIZATION"))
                .when().post("/api/entities").then().statusCode(201).extract().path("id");
        String absorbed = given().contentType(ContentType.JSON)
                .body(Map.of("name", y + " Front", "type", "ORGANIZATION", "aliases", List.of(y.toUpperCase())))
                .when().post("/api/entities").then().statusCode(201).extract().path("id");
        assertThat(extractIds("The " + y + " Front attacked.")).contains(absorbed);

        try (TopicProbe changes = new TopicProbe(bootstrap, Topics.ENTITY_CHANGES)) {
            given().contentType(ContentType.JSON).body(Map.of("from", List.of(absorbed)))
                    .when().post("/api/entities/" + survivor + "/merge")
                    .then().statusCode(200)
                    .body("survivor.id", equalTo(survivor))
                    .body("survivor.aliases", hasItem(y + " Front"))
                    .body("absorbed", equalTo(List.of(absorbed)));

            assertThat(extractIds("The " + y + " Front and the " + x + " Brigade, also " + y.toUpperCase() + "."))
                    .contains(survivor).doesNotContain(absorbed);
            // the old id answers with the survivor
            given().when().get("/api/entities/" + absorbed).then().statusCode(200).body("id", equalTo(survivor));

            // the CREATED event of the absorbed entity may be relayed after the probe started: look for MERGED
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> merged = r -> absorbed.equals(r.key())
                    && EventJson.fromJson(r.value(), EntityChange.class).kind() == EntityChange.Kind.MERGED;
            await().atMost(Duration.ofSeconds(30)).until(() -> changes.find(merged) != null);
            ConsumerRecord<String, byte[]> record = changes.find(merged);
            EntityChange change = EventJson.fromJson(record.value(), EntityChange.class);
            assertThat(change.kind()).isEqualTo(EntityChange.Kind.MERGED);
            assertThat(change.entityId()).isEqualTo(absorbed);
            assertThat(change.mergedInto()).isEqualTo(survivor);
        }
    }

    @Test
    void aChangeWrittenByAnotherInstanceReachesTheExtractorWithoutRestart() throws Exception {
        String name = word() + " " + word();
        String id = "location:hot-reload-" + name.toLowerCase().replace(' ', '-');
        assertThat(extractIds("Flooding hit " + name + " overnight.")).doesNotContain(id);
        // what another nlp-service instance's curation call does: rows plus a version bump, one transaction
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into nlp.entities (id, name, type) values (?, ?, 'LOCATION')");
                    PreparedStatement bump = c.prepareStatement("update nlp.kb_version set version = version + 1")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.executeUpdate();
                bump.executeUpdate();
            }
            c.commit();
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> extractIds("Flooding hit " + name + " overnight.").contains(id));
    }

    @Test
    void bulkImportFromJsonLinesReportsBadLines() {
        String p = word();
        String q = word();
        String body = "{\"id\":\"person:import-" + p.toLowerCase() + "\",\"name\":\"" + p + " " + q
                + "\",\"type\":\"PERSON\",\"aliases\":[\"Dr. " + q + "\"],\"externalIds\":{\"wikidata\":\"Q1\"}}\n"
                + "{not json}\n"
                + "{\"name\":\"" + q + " Lake\",\"type\":\"LOCATION\"}\n"
                + "{\"name\":\"no type\"}\n";
        JsonPath report = given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/entities/import")
                .then().statusCode(200)
                .body("created", equalTo(2))
                .extract().jsonPath();
        assertThat(report.getList("failed.line", Integer.class)).containsExactly(2, 4);
        assertThat(extractIds("Dr. " + q + " swam in " + q + " Lake.")).contains("person:import-" + p.toLowerCase(),
                "location:" + q.toLowerCase() + "-lake");
        given().when().get("/api/entities/person:import-" + p.toLowerCase()).then().statusCode(200)
                .body("externalIds.wikidata", equalTo("Q1"));
    }

    @Test
    void importTakesAJsonArrayTooAuditsEachEntityAndRefusesPlainText() {
        String p = word();
        String id = "organization:import-array-" + p.toLowerCase();
        String body = "[{\"id\":\"" + id + "\",\"name\":\"" + p + " Cooperative\",\"type\":\"ORGANIZATION\"},"
                + "{\"name\":\"no type\"}]";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/entities/import")
                .then().statusCode(200).body("created", equalTo(1)).body("failed.line", equalTo(List.of(2)));
        given().when().get("/api/entities/" + id).then().statusCode(200).body("name", equalTo(p + " Cooperative"));
        given().queryParam("kind", "entity").queryParam("target", id).when().get("/api/audit")
                .then().statusCode(200).body("action", equalTo(List.of("import")))
                .body("[0].after.name", equalTo(p + " Cooperative"));
        // text/plain is what a foreign web page may post without asking: no knowledge-base change accepts it
        given().contentType(ContentType.TEXT).body("{\"name\":\"" + word() + " Guild\",\"type\":\"ORGANIZATION\"}")
                .when().post("/api/entities/import").then().statusCode(415);
    }

    @Test
    void invalidCurationInputIsA4xxWithJsonError() {
        given().contentType(ContentType.JSON).body(Map.of("type", "PERSON"))
                .when().post("/api/entities").then().statusCode(400).body("error", equalTo("invalid request"));
        given().contentType(ContentType.JSON).body(Map.of("aliases", List.of("x")))
                .when().post("/api/entities/person:does-not-exist-" + word() + "/aliases").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("from", List.of("person:nobody-" + word())))
                .when().post("/api/entities/person:donald-trump/merge").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "Donald Trump", "type", "PERSON", "id", "person:donald-trump"))
                .when().post("/api/entities").then().statusCode(409).body("error", equalTo("conflict"));
    }
}
