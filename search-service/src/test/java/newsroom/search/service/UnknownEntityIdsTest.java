package newsroom.search.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.Mention;
import newsroom.search.repository.ArticleDocument;

/**
 * The nlp-service gives a name its knowledge base does not know an id without a type ({@code name:oval-office}), and
 * the type each article voted for on the entity: the index keeps one id for both articles, the facet keys carry each
 * article's type in front of the id, and reading the id back from a facet key gives the id whole.
 */
class UnknownEntityIdsTest {

    private static ArticleDocument indexed(String articleId, EntityType type) {
        ArticleEntity office = new ArticleEntity("name:oval-office", "Oval Office", type,
                List.of(new Mention(10, 21, "Oval Office")), 1, 0.8);
        return ArticleDocument.of(new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, articleId,
                "https://news.example/" + articleId, "example", "Aides met in the Oval Office", "", "en",
                Instant.parse("2026-11-30T10:00:00Z"), null, null, null, List.of(office), null),
                Instant.parse("2026-11-30T10:01:00Z"));
    }

    @Test
    void twoVotesOneIdAndEachArticlesType() {
        ArticleDocument first = indexed("uid-a", EntityType.ORGANIZATION);
        ArticleDocument second = indexed("uid-b", EntityType.FACILITY);
        assertThat(first.entityIds()).containsExactly("name:oval-office");
        assertThat(second.entityIds()).containsExactly("name:oval-office");
        assertThat(first.entityTypeIds()).containsExactly("ORGANIZATION:name:oval-office");
        assertThat(second.entityTypeIds()).containsExactly("FACILITY:name:oval-office");
        assertThat(first.entities().get(0).type()).isEqualTo("ORGANIZATION");
        assertThat(ArticleSearch.idOf(second.entityTypeIds().get(0))).isEqualTo("name:oval-office");
    }
}
