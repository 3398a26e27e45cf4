package newsroom.ingest;

import java.time.Instant;

import newsroom.ingest.repository.ArticleRecord;

/** One line of the listing by time (no body). */
public record ArticleSummary(String id, String url, String source, String title, Instant publishedAt,
        Instant receivedAt, String feedId, String nearDuplicateOf) {

    public static ArticleSummary of(ArticleRecord r) {
        return new ArticleSummary(r.id, r.url, r.source, r.title, r.publishedAt, r.receivedAt, r.feedId, r.nearDuplicateOf);
    }
}
