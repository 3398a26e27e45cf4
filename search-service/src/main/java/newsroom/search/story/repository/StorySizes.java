package newsroom.search.story.repository;

import static newsroom.search.repository.ArticleFields.STORY_ID;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;

/** How many articles each of some stories has: one aggregation for a whole page of hits. */
public final class StorySizes {

    private StorySizes() {
    }

    public static Map<String, Long> of(ElasticsearchClient client, String index, Collection<String> storyIds)
            throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        if (storyIds.isEmpty()) {
            return sizes;
        }
        List<FieldValue> ids = storyIds.stream().distinct().map(FieldValue::of).toList();
        SearchResponse<Void> response = client.search(s -> s.index(index).size(0)
                .query(q -> q.terms(t -> t.field(STORY_ID).terms(v -> v.value(ids))))
                .aggregations("stories", a -> a.terms(t -> t.field(STORY_ID).size(ids.size()))), Void.class);
        for (StringTermsBucket b : response.aggregations().get("stories").sterms().buckets().array()) {
            sizes.put(b.key().stringValue(), b.docCount());
        }
        return sizes;
    }
}
