package newsroom.search.story.repository;

import java.time.Instant;

import newsroom.search.repository.ArticleDocument.StoryKeys;

/** An indexed article that a new one may belong with: its story and what it is compared by. */
public record Candidate(String id, String storyId, Instant date, StoryKeys keys) {
}
