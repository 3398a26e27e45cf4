package newsroom.search.alert.service;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.repository.ArticleIndex;

/**
 * Which articles a search can already see. The matcher reads the topic beside the indexer, not after it, so it asks
 * instead of forcing a refresh: a refresh per batch would cost every search, and the indexer does not need one.
 */
@ApplicationScoped
public class SearchableArticles {
    private final ElasticsearchClient client;
    private final ArticleIndex index;

    public SearchableArticles(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /** The ids among these that a search on the write index finds now. */
    public Set<String> among(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> values = List.copyOf(ids);
        SearchResponse<Void> response = client.search(s -> s.index(index.writeIndex())
                .query(q -> q.ids(i -> i.values(values))).size(values.size()).source(src -> src.fetch(false))
                .trackTotalHits(t -> t.enabled(false)), Void.class);
        Set<String> found = new HashSet<>();
        for (Hit<Void> hit : response.hits().hits()) {
            found.add(hit.id());
        }
        return found;
    }
}
