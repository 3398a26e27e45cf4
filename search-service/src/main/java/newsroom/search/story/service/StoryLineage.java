package newsroom.search.story.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.story.repository.Candidate;
import newsroom.search.story.repository.StoryRecord;
import newsroom.search.story.repository.StoryStore;

/**
 * Which story an id names now, and which stories a merge folded into it: what "the same story" means to a reader of
 * an absorbed id and to an alert that fires once per story.
 */
@ApplicationScoped
public class StoryLineage {
    /** Merges chain rarely; a bound keeps a corrupt cycle from looping. */
    static final int MAX_DEPTH = 20;
    static final int ABSORBED_PAGE = 1000;

    private final ElasticsearchClient client;
    private final StoryStore store;

    public StoryLineage(ElasticsearchClient client, StoryStore store) {
        this.client = client;
        this.store = store;
    }

    /** The story an id names now: itself, or the survivor of the merges that absorbed it. */
    public String living(String id) throws IOException {
        String at = id;
        Set<String> seen = new HashSet<>();
        while (seen.add(at) && seen.size() <= MAX_DEPTH) {
            StoryRecord r = store.stories(List.of(at)).get(at);
            if (r == null || r.mergedInto() == null) {
                return at;
            }
            at = r.mergedInto();
        }
        return at;
    }

    /**
     * Each article's story family as it stands: the living story first, then every story merged into it (directly
     * or through another). An article without a story (indexed before stories, or not found) is a story of its own,
     * named as the story it would have started.
     */
    public Map<String, List<String>> families(Collection<String> articleIds) throws IOException {
        Map<String, Candidate> docs = store.existing(articleIds);
        Map<String, List<String>> byStory = new HashMap<>();
        Map<String, List<String>> out = new HashMap<>();
        boolean refreshed = false;
        for (String articleId : articleIds) {
            Candidate c = docs.get(articleId);
            String story = c == null || c.storyId() == null ? "s-" + articleId : c.storyId();
            if (!byStory.containsKey(story)) {
                if (!refreshed) {
                    // merges are written to the stories index just before: make them searchable for absorbedInto
                    store.prepare();
                    client.indices().refresh(r -> r.index(store.storiesIndex()));
                    refreshed = true;
                }
                String living = living(story);
                List<String> family = new ArrayList<>();
                family.add(living);
                family.addAll(absorbedInto(living));
                if (!family.contains(story)) {
                    family.add(story);
                }
                byStory.put(story, family);
            }
            out.put(articleId, byStory.get(story));
        }
        return out;
    }

    /** Every story merged into this one, directly or through another. */
    List<String> absorbedInto(String living) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        List<String> frontier = List.of(living);
        for (int depth = 0; depth < MAX_DEPTH && !frontier.isEmpty(); depth++) {
            List<FieldValue> values = frontier.stream().map(FieldValue::of).toList();
            SearchResponse<StoryRecord> response = client.search(s -> s.index(store.storiesIndex())
                    .query(q -> q.terms(t -> t.field("mergedInto").terms(v -> v.value(values))))
                    .size(ABSORBED_PAGE).trackTotalHits(t -> t.enabled(false)), StoryRecord.class);
            List<String> next = new ArrayList<>();
            for (Hit<StoryRecord> hit : response.hits().hits()) {
                if (!hit.id().equals(living) && found.add(hit.id())) {
                    next.add(hit.id());
                }
            }
            frontier = next;
        }
        return List.copyOf(found);
    }
}
