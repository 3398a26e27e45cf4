package newsroom.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A canonical entity found in one article.
 *
 * @param id canonical and stable across articles, e.g. {@code person:kilmar-abrego-garcia}
 * @param salience 0..1, how central the entity is to the article
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleEntity(
        String id,
        String name,
        EntityType type,
        List<Mention> mentions,
        int count,
        double salience) {

    public ArticleEntity {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
