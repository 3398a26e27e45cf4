package newsroom.search.story.repository;

import java.time.Instant;

import newsroom.search.repository.ArticleDocument.StoryKeys;

/** An indexed article that a new one may belong with: its story and what it is compared by. */
public record Candidate(String id, String storyId, Instant date, StoryKeys keys) {

    /** Dated at most {@code window} from {@code other}, either way (undated: never). */
    public boolean within(Instant other, java.time.Duration window) {
        return date != null && other != null
                && Math.abs(date.toEpochMilli() - other.toEpochMilli()) <= window.toMillis();
    }
}
