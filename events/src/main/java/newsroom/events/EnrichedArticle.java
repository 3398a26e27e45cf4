package newsroom.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A raw article plus its entities, as the nlp-service publishes it to {@link Topics#ENRICHED_ARTICLES}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrichedArticle(
        int schemaVersion,
        String id,
        String url,
        String source,
        String title,
        String body,
        String language,
        Instant publishedAt,
        Instant receivedAt,
        String contentHash,
        String feedId,
        List<ArticleEntity> entities,
        NlpInfo nlp) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public static EnrichedArticle of(RawArticle raw, String language, List<ArticleEntity> entities, NlpInfo nlp) {
        return new EnrichedArticle(SCHEMA_VERSION, raw.id(), raw.url(), raw.source(), raw.title(), raw.body(),
                language, raw.publishedAt(), raw.receivedAt(), raw.contentHash(), raw.feedId(), entities, nlp);
    }

    public String text() {
        return ArticleText.of(title, body);
    }
}
