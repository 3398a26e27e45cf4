package newsroom.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index knows about one canonical entity ({@code GET /api/entities/{id}}).
 *
 * @param aliases the texts it was mentioned as, with the number of articles using each
 * @param timeline articles mentioning it per {@code timelineInterval}
 * @param cooccurring the entities most often mentioned in the same articles, with the number of shared articles
 */
public record EntityProfile(String id, String name, String type, long articleCount, long mentionCount,
        Double averageSalience, Instant firstSeen, Instant lastSeen, List<AliasCount> aliases,
        List<SearchResult.DateCount> timeline, String timelineInterval, List<SearchResult.EntityCount> cooccurring,
        List<ArticleRef> recentArticles) {

    public record AliasCount(String text, long count) {
    }

    public record ArticleRef(String id, String title, String url, String source, Instant publishedAt) {
    }

    /** One suggestion for {@code GET /api/entities?prefix=}: count is the number of articles mentioning it. */
    public record Suggestion(String id, String name, String type, long count) {
    }
}
