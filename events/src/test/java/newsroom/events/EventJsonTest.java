package newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "a1", "https://example.org/x", "Example",
            "Title", "Body text.", "en", Instant.parse("2025-04-01T10:00:00Z"), Instant.parse("2025-04-01T10:05:00Z"),
            "hash", null);

    @Test
    void enrichedArticleRoundTripsWithIsoDates() {
        var entity = new ArticleEntity("person:x", "X", EntityType.PERSON, List.of(new Mention(0, 1, "X")), 1, 0.5);
        var enriched = EnrichedArticle.of(raw, "en", List.of(entity), new NlpInfo("rules", "1", 3));

        String json = EventJson.toJson(enriched);

        assertThat(json).contains("\"publishedAt\":\"2025-04-01T10:00:00Z\"");
        assertThat(EventJson.fromJson(json, EnrichedArticle.class)).isEqualTo(enriched);
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        String json = EventJson.toJson(raw).replaceFirst("\\{", "{\"addedLater\":42,");

        assertThat(EventJson.fromJson(json, RawArticle.class)).isEqualTo(raw);
    }

    @Test
    void anUnmergeRoundTripsWithItsRevision() {
        var unmerged = new EntityChange(EntityChange.SCHEMA_VERSION, EntityChange.Kind.UNMERGED, "facility:cecot", null,
                "CECOT", EntityType.FACILITY, List.of("Terrorism Confinement Center"),
                Instant.parse("2025-04-01T10:00:00Z"), 42L);

        String json = EventJson.toJson(unmerged);

        assertThat(json).contains("\"kind\":\"UNMERGED\"").contains("\"revision\":42");
        assertThat(EventJson.fromJson(json, EntityChange.class)).isEqualTo(unmerged);
    }

    @Test
    void aChangeWithoutRevisionOmitsItAndReadsAsNull() {
        var created = new EntityChange(EntityChange.SCHEMA_VERSION, EntityChange.Kind.CREATED, "person:x", null, "X",
                EntityType.PERSON, List.of(), Instant.parse("2025-04-01T10:00:00Z"));

        String json = EventJson.toJson(created);

        assertThat(json).doesNotContain("revision");
        assertThat(EventJson.fromJson(json, EntityChange.class).revision()).isNull();
    }

    @Test
    void aKindFromANewerProducerReadsAsUnknown() {
        String json = "{\"schemaVersion\":1,\"kind\":\"SPLIT_LATER\",\"entityId\":\"person:x\",\"name\":\"X\","
                + "\"type\":\"PERSON\",\"at\":\"2025-04-01T10:00:00Z\",\"revision\":7}";

        EntityChange change = EventJson.fromJson(json, EntityChange.class);

        assertThat(change.kind()).isEqualTo(EntityChange.Kind.UNKNOWN);
        assertThat(change.entityId()).isEqualTo("person:x");
        assertThat(change.revision()).isEqualTo(7L);
    }

    @Test
    void offsetsReferToTitleBlankLineBody() {
        assertThat(raw.text()).isEqualTo("Title\n\nBody text.");
        assertThat(raw.text().substring(7, 11)).isEqualTo("Body");
    }
}
