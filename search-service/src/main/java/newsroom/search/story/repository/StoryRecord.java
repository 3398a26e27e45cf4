package newsroom.search.story.repository;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A story's entry in the stories index: when it began, and, once absorbed by a merge, the story it lives on in.
 *
 * @param id {@code s-} + the id of the article that started it
 * @param firstSeen the date of that article: the older of two merged stories survives
 * @param mergedInto null while the story lives
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryRecord(String id, Instant firstSeen, String firstArticle, String mergedInto, Instant mergedAt) {

    /** The stable order of stories: older first, then by id. */
    public static final java.util.Comparator<StoryRecord> AGE = java.util.Comparator
            .comparing(StoryRecord::firstSeen, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(StoryRecord::id);
}
