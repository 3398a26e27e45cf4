package newsroom.search.alert.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.ArticleQueries;
import newsroom.search.service.EntityMerges;

/**
 * The subscriptions Lucene cannot reproduce ({@link AlertQueryCompiler}), matched the way all were before the
 * monitor: per subscription the {@code /api/search} query restricted by an {@code ids} filter to the batch's
 * (searchable) articles, one multi-search per chunk of {@code newsroom.alerts.msearch-chunk} subscriptions.
 */
@ApplicationScoped
public class ElasticsearchAlertMatcher {
    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final AlertConfig config;
    private final EntityMerges merges;

    public ElasticsearchAlertMatcher(ElasticsearchClient client, ArticleIndex index, AlertConfig config,
            EntityMerges merges) {
        this.client = client;
        this.index = index;
        this.config = config;
        this.merges = merges;
    }

    /**
     * @param hits filled with subscription id → the ids of its matching articles
     * @param failed filled with subscription id → why Elasticsearch refused its search
     * @throws IOException when Elasticsearch cannot answer now (the caller retries the batch)
     */
    public void match(List<MonitoredSubscription> subscriptions, Set<String> articleIds,
            Map<String, List<String>> hits, Map<String, String> failed) throws IOException {
        List<String> ids = List.copyOf(articleIds);
        String target = index.writeIndex();
        for (int from = 0; from < subscriptions.size(); from += config.msearchChunk()) {
            List<MonitoredSubscription> chunk = subscriptions.subList(from,
                    Math.min(subscriptions.size(), from + config.msearchChunk()));
            List<RequestItem> searches = new ArrayList<>(chunk.size());
            for (MonitoredSubscription s : chunk) {
                Query base = ArticleQueries.of(s.query(), merges);
                Query restricted = Query.of(q -> q.bool(b -> b.must(base).filter(f -> f.ids(i -> i.values(ids)))));
                searches.add(RequestItem.of(r -> r.header(h -> h.index(target)).body(b -> b.query(restricted)
                        .size(ids.size()).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false)))));
            }
            MsearchResponse<Void> response = client.msearch(m -> m.searches(searches), Void.class);
            for (int i = 0; i < chunk.size(); i++) {
                MonitoredSubscription s = chunk.get(i);
                MultiSearchResponseItem<Void> item = response.responses().get(i);
                if (item.isFailure()) {
                    int status = item.failure().status();
                    if (unavailable(status)) {
                        // Not this subscription's fault: the whole batch waits and comes again.
                        throw new IOException("Elasticsearch is unavailable (" + status + "): "
                                + describe(item.failure().error()));
                    }
                    failed.put(s.id(), "Elasticsearch rejected the search (" + status + "): "
                            + describe(item.failure().error()));
                    continue;
                }
                List<String> found = new ArrayList<>();
                for (Hit<Void> hit : item.result().hits().hits()) {
                    found.add(hit.id());
                }
                hits.put(s.id(), found);
            }
        }
    }

    /** Statuses that say Elasticsearch cannot answer now, whatever the query. */
    static boolean unavailable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** The most telling cause: the root cause when Elasticsearch names one ("all shards failed" says little). */
    static String describe(ErrorCause error) {
        if (error == null) {
            return "unknown error";
        }
        ErrorCause cause = !error.rootCause().isEmpty() ? error.rootCause().get(0)
                : error.causedBy() != null ? error.causedBy() : error;
        return cause.type() + ": " + cause.reason();
    }
}
