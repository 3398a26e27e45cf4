package newsroom.nlp.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import newsroom.events.EntityChange;
import newsroom.events.EventJson;
import newsroom.events.Topics;
import newsroom.nlp.TopicProbe;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.DefaultTestKey;
import newsroom.support.access.testing.TestKeys;

/**
 * Un-merge on the real stack: a merge undone by another curator restores the absorbed entity with the aliases it
 * brought (the survivor keeps its own and those given later), reaches {@code news.entities.changes} as UNMERGED, and
 * both actions are in the audit log under their callers' key names.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class EntityUnmergeIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void onlyTheKeysEachCallNames() {
        DefaultTestKey.off();
    }

    /** A new key of {@code role} named {@code name}, made by the test admin. */
    static String key(String role, String name) {
        return given(TestKeys.as(TestKeys.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("role", role, "name", name))
                .when().post("/api/keys").then().statusCode(201).extract().path("key");
    }

    static String create(String key, String name, List<String> aliases) {
        return given(TestKeys.as(key)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "ORGANIZATION", "aliases", aliases))
                .when().post("/api/entities").then().statusCode(201).extract().path("id");
    }

    static void merge(String key, String survivor, String absorbed) {
        given(TestKeys.as(key)).contentType(ContentType.JSON).body(Map.of("from", List.of(absorbed)))
                .when().post("/api/entities/" + survivor + "/merge").then().statusCode(200);
    }

    /** What the extractor links in {@code body} (extraction is an ingester's call: the test admin makes it). */
    static List<String> extractIds(String body) {
        return given(TestKeys.as(TestKeys.ADMIN)).contentType(ContentType.JSON).body(Map.of("body", body))
                .when().post("/api/extract").then().statusCode(200)
                .extract().jsonPath().getList("entities.id", String.class);
    }

    @Test
    void anUnmergeRestoresTheEntityWithItsOwnAliasesAndTheAuditLogNamesBothCurators() {
        String x = KnowledgeBaseCurationIT.word();
        String y = KnowledgeBaseCurationIT.word();
        String z = KnowledgeBaseCurationIT.word();
        String w = KnowledgeBaseCurationIT.word();
        String merger = "curator-merger-" + x.toLowerCase();
        String unmerger = "curator-unmerger-" + x.toLowerCase();
        String mergerKey = key("curator", merger);
        String unmergerKey = key("curator", unmerger);
        // the survivor already knows the Z spelling, which the absorbed entity brings too: it must stay
        String survivor = create(mergerKey, x + " Brigade", List.of(z + " Group"));
        String absorbed = create(mergerKey, y + " Front", List.of(y.toUpperCase(), z + " Group"));

        try (TopicProbe changes = new TopicProbe(bootstrap, Topics.ENTITY_CHANGES)) {
            merge(mergerKey, survivor, absorbed);
            assertThat(extractIds("The " + y + " Front marched.")).contains(survivor).doesNotContain(absorbed);
            // an alias the survivor is given after the merge stays with it
            given(TestKeys.as(mergerKey)).contentType(ContentType.JSON).body(Map.of("aliases", List.of(w + " Unit")))
                    .when().post("/api/entities/" + survivor + "/aliases").then().statusCode(200);

            JsonPath undone = given(TestKeys.as(unmergerKey)).when().post("/api/entities/" + absorbed + "/unmerge")
                    .then().statusCode(200).extract().jsonPath();

            assertThat(undone.getString("restored.id")).isEqualTo(absorbed);
            assertThat(undone.getString("restored.name")).isEqualTo(y + " Front");
            assertThat(undone.getList("restored.aliases", String.class))
                    .containsExactlyInAnyOrder(y.toUpperCase(), z + " Group");
            assertThat(undone.getList("survivor.aliases", String.class))
                    .containsExactlyInAnyOrder(z + " Group", w + " Unit");
            given(TestKeys.as(unmergerKey)).when().get("/api/entities/" + absorbed).then().statusCode(200)
                    .body("id", equalTo(absorbed)).body("name", equalTo(y + " Front"));
            assertThat(extractIds("The " + y + " Front marched, " + y.toUpperCase() + " said."))
                    .contains(absorbed).doesNotContain(survivor);
            assertThat(extractIds("The " + x + " Brigade, also " + w + " Unit, marched."))
                    .contains(survivor).doesNotContain(absorbed);

            // a re-merge after the un-merge: by revision (what consumers go by), the absorbed id's merges and
            // un-merge come in the order they were made, so the re-merge wins on replay
            merge(unmergerKey, survivor, absorbed);
            await().atMost(Duration.ofSeconds(30)).until(() -> changesOf(changes, absorbed).size() >= 3);
            List<EntityChange> log = changesOf(changes, absorbed);
            assertThat(log).extracting(EntityChange::kind).containsExactly(EntityChange.Kind.MERGED,
                    EntityChange.Kind.UNMERGED, EntityChange.Kind.MERGED);
            assertThat(log).extracting(EntityChange::revision).doesNotHaveDuplicates();
            assertThat(log.get(1).aliases()).containsExactlyInAnyOrder(y.toUpperCase(), z + " Group");
            assertThat(log.get(2).mergedInto()).isEqualTo(survivor);
        }

        JsonPath audit = given(TestKeys.as(TestKeys.ADMIN)).queryParam("kind", "entity").queryParam("target", absorbed)
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath();
        // newest first: re-merge, un-merge, merge, create
        assertThat(audit.getList("action", String.class)).containsExactly("merge", "unmerge", "merge", "create");
        assertThat(audit.getList("actor", String.class)).containsExactly(unmerger, unmerger, merger, merger);
        assertThat(audit.getString("[1].after.absorbed.id")).isEqualTo(absorbed);
        assertThat(audit.getList("[1].before.survivor.aliases", String.class)).contains(y + " Front");
        assertThat(audit.getList("[2].before.absorbed.aliases", String.class))
                .containsExactlyInAnyOrder(y.toUpperCase(), z + " Group");
        assertThat(given(TestKeys.as(TestKeys.ADMIN)).queryParam("kind", "entity").queryParam("actor", merger)
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath().getList("action", String.class))
                .containsExactly("add-aliases", "merge", "create", "create");
    }

    @Test
    void unmergeAnswers404ForAnIdNeverMergedAnd409WhenItCannotBeUndone() {
        String curatorKey = key("curator", "curator-" + KnowledgeBaseCurationIT.word().toLowerCase());
        String survivor = create(curatorKey, KnowledgeBaseCurationIT.word() + " Cartel", List.of());
        String absorbed = create(curatorKey, KnowledgeBaseCurationIT.word() + " Clan", List.of());

        given(TestKeys.as(curatorKey)).when().post("/api/entities/" + absorbed + "/unmerge").then().statusCode(404)
                .body("error", equalTo("not found"));
        given(TestKeys.as(curatorKey)).when().post("/api/entities/organization:nobody-at-all/unmerge").then()
                .statusCode(404);

        merge(curatorKey, survivor, absorbed);
        given(TestKeys.as(curatorKey)).when().post("/api/entities/" + absorbed + "/unmerge").then().statusCode(200);
        given(TestKeys.as(curatorKey)).when().post("/api/entities/" + absorbed + "/unmerge").then().statusCode(409)
                .body("error", equalTo("conflict"));

        // merged again, then the survivor deleted: nothing to take the aliases back from
        merge(curatorKey, survivor, absorbed);
        given(TestKeys.as(curatorKey)).when().delete("/api/entities/" + survivor).then().statusCode(204);
        given(TestKeys.as(curatorKey)).when().post("/api/entities/" + absorbed + "/unmerge").then().statusCode(409)
                .body("details[0]", org.hamcrest.Matchers.containsString("deleted"));
    }

    @Test
    void anUnmergeWaitsForTheSurvivorsOwnMergeToBeUndoneFirst() {
        String curatorKey = key("curator", "curator-" + KnowledgeBaseCurationIT.word().toLowerCase());
        String a = create(curatorKey, KnowledgeBaseCurationIT.word() + " Union", List.of());
        String b = create(curatorKey, KnowledgeBaseCurationIT.word() + " League", List.of());
        String c = create(curatorKey, KnowledgeBaseCurationIT.word() + " Alliance", List.of());
        merge(curatorKey, b, a);
        merge(curatorKey, c, b);

        given(TestKeys.as(curatorKey)).when().post("/api/entities/" + a + "/unmerge").then().statusCode(409);
        given(TestKeys.as(curatorKey)).when().post("/api/entities/" + b + "/unmerge").then().statusCode(200);
        // b is back, and the id merged into it earlier leads to it again
        given(TestKeys.as(curatorKey)).when().get("/api/entities/" + a).then().statusCode(200).body("id", equalTo(b));
        given(TestKeys.as(curatorKey)).when().post("/api/entities/" + a + "/unmerge").then().statusCode(200)
                .body("restored.id", equalTo(a));
    }

    @Test
    void aReaderMayNotUnmergeAndNoKeyIsUnauthorized() {
        String readerKey = key("reader", "reader-" + KnowledgeBaseCurationIT.word().toLowerCase());
        String curatorKey = key("curator", "curator-" + KnowledgeBaseCurationIT.word().toLowerCase());
        String survivor = create(curatorKey, KnowledgeBaseCurationIT.word() + " Syndicate", List.of());
        String absorbed = create(curatorKey, KnowledgeBaseCurationIT.word() + " Ring", List.of());
        merge(curatorKey, survivor, absorbed);

        given().when().post("/api/entities/" + absorbed + "/unmerge").then().statusCode(401)
                .body("error", org.hamcrest.Matchers.notNullValue());
        given(TestKeys.as(readerKey)).when().post("/api/entities/" + absorbed + "/unmerge").then().statusCode(403)
                .body("error", org.hamcrest.Matchers.notNullValue());
        given(TestKeys.as(readerKey)).when().get("/api/audit").then().statusCode(403);
        // still merged: the refused calls changed nothing
        given(TestKeys.as(readerKey)).when().get("/api/entities/" + absorbed).then().statusCode(200)
                .body("id", equalTo(survivor));
    }

    private static List<EntityChange> changesOf(TopicProbe probe, String key) {
        List<EntityChange> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : probe.all(r -> key.equals(r.key()))) {
            EntityChange c = EventJson.fromJson(r.value(), EntityChange.class);
            if (c.kind() == EntityChange.Kind.MERGED || c.kind() == EntityChange.Kind.UNMERGED) {
                found.add(c);
            }
        }
        found.sort(java.util.Comparator.comparing(EntityChange::revision));
        return found;
    }
}
