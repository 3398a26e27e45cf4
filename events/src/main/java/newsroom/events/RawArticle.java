package newsroom.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An accepted article as the ingest-service publishes it to {@link Topics#RAW_ARTICLES}, keyed by {@code id}.
 *
 * @param id stable: derived from the canonical URL when there is one, else from the content hash
 * @param body plain text (HTML already reduced to text by the ingest-service)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RawArticle(
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
        String feedId) {

    public static final int SCHEMA_VERSION = 1;

    /** The text entity offsets refer to: title, a blank line, then the body. */
    public String text() {
        return ArticleText.of(title, body);
    }
}
