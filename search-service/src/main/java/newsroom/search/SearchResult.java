package newsroom.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/search}.
 *
 * @param nextCursor pass as {@code cursor} with the same parameters for the next page; null on the last page
 */
public record SearchResult(long total, List<Hit> hits, Facets facets, String nextCursor) {

    /**
     * @param highlights per field ({@code title}, {@code body}) HTML-escaped fragments in which only the
     *        {@code <mark>} tags are markup
     * @param story the story the article belongs to; null only for an article indexed before stories existed
     */
    public record Hit(String id, String title, String url, String source, Instant publishedAt, Instant receivedAt,
            Map<String, List<String>> highlights, List<EntityRef> entities, StoryRef story) {
    }

    /** @param size the story's articles, all of them (not only those matching the search) */
    public record StoryRef(String id, long size) {
    }

    public record EntityRef(String id, String name, String type, int count, double salience) {
    }

    /**
     * @param entities top entities per type (types without any are left out)
     * @param dateInterval the calendar width of one {@link #dates} bucket: day, week, month, quarter or year
     */
    public record Facets(Map<String, List<EntityCount>> entities, List<ValueCount> sources, List<DateCount> dates,
            String dateInterval) {
    }

    public record EntityCount(String id, String name, String type, long count) {
    }

    public record ValueCount(String value, long count) {
    }

    public record DateCount(Instant date, long count) {
    }
}
