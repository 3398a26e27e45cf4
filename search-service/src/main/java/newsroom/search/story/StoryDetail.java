package newsroom.search.story;

import java.time.Instant;
import java.util.List;

import newsroom.search.SearchResult;

/**
 * The answer of {@code GET /api/stories/{id}}.
 *
 * @param id the living story (asked for an absorbed one, the story it was merged into)
 * @param articles oldest first, at most {@code limit}
 * @param timeline articles per hour for a story of up to three days, else per day
 * @param addedEntities entities the first article did not name, in the order later articles brought them
 */
public record StoryDetail(String id, long size, Instant firstSeen, Instant lastSeen, List<Outlet> outlets,
        Timeline timeline, List<EntityCount> topEntities, List<AddedEntity> addedEntities,
        List<SearchResult.Hit> articles) {

    public record Outlet(String source, long articles, Instant firstSeen) {
    }

    /** @param interval hour or day */
    public record Timeline(String interval, List<SearchResult.DateCount> buckets) {
    }

    /** @param articles how many of the story's articles name it */
    public record EntityCount(String id, String name, String type, long articles) {
    }

    /** @param firstSeen the date of the first article of the story that names it */
    public record AddedEntity(String id, String name, String type, Instant firstSeen, long articles) {
    }
}
