package newsroom.search;

import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import newsroom.events.EntityChange;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.events.Topics;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * A knowledge-base merge published by the nlp-service: the survivor's search finds articles indexed under either id;
 * an un-merge gives the absorbed id its own articles back.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class EntityMergeIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void searchingTheSurvivorFindsArticlesIndexedUnderTheAbsorbedId() {
        String source = "merge-" + unique();
        String survivor = "facility:cecot-" + unique();
        String absorbed = "facility:terrorism-confinement-center-" + unique();
        String before = "a-" + unique();
        String after = "a-" + unique();
        try (EnrichedArticles kafka = new EnrichedArticles(bootstrap)) {
            kafka.send(article(before, source, Instant.parse("2025-03-16T12:00:00Z"), "Detainees arrive at the prison",
                    "The Terrorism Confinement Center received two planeloads of men.",
                    new Ent(absorbed, "Terrorism Confinement Center", EntityType.FACILITY, 0.8, "Terrorism Confinement Center")));
            kafka.send(article(after, source, Instant.parse("2025-03-18T12:00:00Z"), "Fee agreed for prison cells",
                    "CECOT will hold the men for a year.",
                    new Ent(survivor, "CECOT", EntityType.FACILITY, 0.8, "CECOT")));
            await().atMost(SearchIndexingIT.SEARCHABLE)
                    .until(() -> SearchIndexingIT.search(Map.of("source", source)).getInt("total") == 2);
        }
        assertThat(SearchIndexingIT.search(Map.of("source", source, "entity", survivor)).getList("hits.id", String.class))
                .containsExactly(after);

        publishMerge(absorbed, survivor);

        await("the merge reaches search").atMost(SearchIndexingIT.SEARCHABLE).untilAsserted(() -> assertThat(
                SearchIndexingIT.search(Map.of("source", source, "entity", survivor)).getList("hits.id", String.class))
                .containsExactlyInAnyOrder(before, after));
        // The absorbed id now means the survivor too.
        assertThat(SearchIndexingIT.search(Map.of("source", source, "entity", absorbed)).getList("hits.id", String.class))
                .containsExactlyInAnyOrder(before, after);
    }

    @Test
    void anUnmergeBringsBackSearchOnTheAbsorbedIdAndAnOlderMergeRelayedLateCannotUndoIt() {
        String source = "unmerge-" + unique();
        String survivor = "organization:harbour-authority-" + unique();
        String absorbed = "organization:port-board-" + unique();
        String barrierSurvivor = "location:north-quay-" + unique();
        String barrierAbsorbed = "location:old-north-pier-" + unique();
        String survivorArticle = "a-" + unique();
        String absorbedArticle = "a-" + unique();
        String barrierArticle = "a-" + unique();
        try (EnrichedArticles kafka = new EnrichedArticles(bootstrap)) {
            kafka.send(article(absorbedArticle, source, Instant.parse("2025-05-02T08:00:00Z"), "Dredging contract signed",
                    "The Port Board signed the dredging contract.",
                    new Ent(absorbed, "Port Board", EntityType.ORGANIZATION, 0.8, "Port Board")));
            kafka.send(article(survivorArticle, source, Instant.parse("2025-05-03T08:00:00Z"), "Harbour fees rise",
                    "The Harbour Authority raised its fees.",
                    new Ent(survivor, "Harbour Authority", EntityType.ORGANIZATION, 0.8, "Harbour Authority")));
            kafka.send(article(barrierArticle, source, Instant.parse("2025-05-04T08:00:00Z"), "Pier closed for repairs",
                    "The Old North Pier is closed until spring.",
                    new Ent(barrierAbsorbed, "Old North Pier", EntityType.LOCATION, 0.8, "Old North Pier")));
            await().atMost(SearchIndexingIT.SEARCHABLE)
                    .until(() -> SearchIndexingIT.search(Map.of("source", source)).getInt("total") == 3);
        }
        EntityChange merge = change(EntityChange.Kind.MERGED, absorbed, survivor, 1L);
        publish(merge);
        await("the merge reaches search").atMost(SearchIndexingIT.SEARCHABLE).untilAsserted(() -> assertThat(
                hits(source, survivor)).containsExactlyInAnyOrder(survivorArticle, absorbedArticle));

        // The un-merge, then the same merge again as a relay could deliver it late, then an unrelated merge as a
        // barrier: one partition, so once the barrier shows, the two records before it were applied.
        publish(change(EntityChange.Kind.UNMERGED, absorbed, null, 2L), merge,
                change(EntityChange.Kind.MERGED, barrierAbsorbed, barrierSurvivor, 3L));
        await("the barrier reaches search").atMost(SearchIndexingIT.SEARCHABLE).untilAsserted(() -> assertThat(
                hits(source, barrierSurvivor)).containsExactly(barrierArticle));

        assertThat(hits(source, absorbed)).containsExactly(absorbedArticle);
        assertThat(hits(source, survivor)).containsExactly(survivorArticle);
    }

    private static List<String> hits(String source, String entity) {
        return SearchIndexingIT.search(Map.of("source", source, "entity", entity)).getList("hits.id", String.class);
    }

    private static EntityChange change(EntityChange.Kind kind, String entity, String mergedInto, long revision) {
        return new EntityChange(EntityChange.SCHEMA_VERSION, kind, entity, mergedInto, "Test entity",
                EntityType.ORGANIZATION, List.of(), Instant.now(), revision);
    }

    /** Sends the changes keyed by entity id, all to partition 0 so they are read in this order. */
    private void publish(EntityChange... changes) {
        List<ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        for (EntityChange c : changes) {
            records.add(new ProducerRecord<>(Topics.ENTITY_CHANGES, 0, c.entityId(), EventJson.toBytes(c)));
        }
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            companion.produce(String.class, byte[].class).fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private void publishMerge(String absorbed, String survivor) {
        EntityChange merged = new EntityChange(EntityChange.SCHEMA_VERSION, EntityChange.Kind.MERGED, absorbed, survivor,
                "CECOT", EntityType.FACILITY, List.of("Terrorism Confinement Center"), Instant.now());
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            // An unreadable change first: it is skipped, and the merge behind it still applies.
            companion.produce(String.class, byte[].class).fromRecords(
                    new ProducerRecord<>(Topics.ENTITY_CHANGES, absorbed, "{garbled".getBytes(StandardCharsets.UTF_8)),
                    new ProducerRecord<>(Topics.ENTITY_CHANGES, absorbed, EventJson.toBytes(merged)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }
}
