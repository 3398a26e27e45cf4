package newsroom.ingest;

import java.time.Instant;

import newsroom.ingest.repository.ArticleRecord;

/** The registry record of one article, as {@code GET /api/articles/{id}} answers it. */
public record ArticleView(
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
        String nearDuplicateOf) {

    public static ArticleView of(ArticleRecord r) {
        return new ArticleView(r.id, r.url, r.canonicalUrl, r.source, r.title, r.body, r.language, r.publishedAt,
                r.receivedAt, r.contentHash, r.feedId, r.nearDuplicateOf);
    }
}
