package newsroom.ingest;

import java.time.Instant;

import newsroom.events.RawArticle;

/** A validated submission with everything derived from it: plain-text body, canonical URL, content hash, SimHash, id. */
public record PreparedArticle(
        String id,
        String url,
        String canonicalUrl,
        String source,
        String title,
        String body,
        String language,
        Instant publishedAt,
        Instant receivedAt,
        String contentHash,
        String feedId,
        long simhash) {

    public RawArticle toRawArticle() {
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, url, source, title, body, language, publishedAt,
                receivedAt, contentHash, feedId);
    }
}
