package newsroom.search.story.service;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import newsroom.search.repository.ArticleDocument;
import newsroom.search.story.repository.Candidate;
import newsroom.search.story.repository.StoryRecord;
import newsroom.search.story.repository.StoryStore;

/**
 * One indexer batch's story decisions: the documents to write (each with its story), and, once they are written, the
 * stories it started and the merges it made or found unfinished.
 *
 * @param merges absorbed story → surviving story
 */
public record StoryBatch(StoryStore store, RecentStories recent, List<ArticleDocument> documents,
        Map<String, StoryRecord> created, Map<String, String> merges) {

    /** This batch and a later attempt's (the retried documents'), applied together. */
    public StoryBatch and(StoryBatch later) {
        Map<String, StoryRecord> allCreated = new java.util.LinkedHashMap<>(created);
        allCreated.putAll(later.created);
        Map<String, String> allMerges = new java.util.LinkedHashMap<>(merges);
        allMerges.putAll(later.merges);
        List<ArticleDocument> allDocs = new java.util.ArrayList<>(documents);
        allDocs.addAll(later.documents);
        return new StoryBatch(store, recent, allDocs, allCreated, allMerges);
    }

    /**
     * Records new stories, applies merges (re-pointing the absorbed stories' articles) and remembers the batch's
     * articles for the next batches ({@link RecentStories}: no refresh is forced). Idempotent: a batch retried or
     * replayed applies the same again.
     */
    public void apply() throws IOException {
        if (documents.isEmpty() || documents.stream().allMatch(d -> d.storyId() == null)) {
            return;
        }
        store.create(created.values());
        Instant now = Instant.now();
        for (Map.Entry<String, String> merge : merges.entrySet()) {
            store.merge(merge.getKey(), merge.getValue(), now);
            recent.repoint(merge.getKey(), merge.getValue());
        }
        recent.remember(documents.stream().filter(d -> d.storyId() != null)
                .map(d -> new Candidate(d.id(), d.storyId(), d.date(), d.storyKeys())).toList());
    }
}
