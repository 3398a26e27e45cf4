package newsroom.search.story;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/stories}.
 *
 * @param sort size, recent or growth
 * @param hours the growth window: {@code recent} counts a story's articles dated in the last this many hours
 */
public record StoryList(List<Summary> stories, String sort, int hours) {

    /**
     * @param title the headline of the story's first matching article
     * @param size every article of the story
     * @param matched the story's articles that match the filters
     * @param recent matching articles dated within the last {@code hours}
     * @param sources distinct outlets among the matching articles
     */
    public record Summary(String id, String title, long size, long matched, long recent, long sources,
            Instant firstSeen, Instant lastSeen) {
    }
}
