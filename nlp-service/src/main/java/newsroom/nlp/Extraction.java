package newsroom.nlp;

import java.util.List;

import newsroom.events.ArticleEntity;

/**
 * What the extractor found in one article.
 *
 * @param language ISO 639-1 code, or {@code null} when it could not be told
 */
public record Extraction(String language, List<ArticleEntity> entities) {

    public Extraction {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
