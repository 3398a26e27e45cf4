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

/** A knowledge-base merge published by the nlp-service: the survivor's search finds articles indexed under either id. */
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
