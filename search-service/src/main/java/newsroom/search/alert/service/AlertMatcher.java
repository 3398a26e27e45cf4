package newsroom.search.alert.service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.AlertMatch;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.search.IndexedBatch;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.messaging.AlertDispatcher;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.repository.AlertSubscription;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.ArticleQueries;
import newsroom.search.service.EntityMerges;

/**
 * Matches each indexed batch against every active subscription: per subscription, the {@code /api/search} query
 * ({@link ArticleQueries#of}) restricted by an {@code ids} filter to the batch, all in one multi-search per chunk of
 * subscriptions. Runs in the indexer thread before the offsets are committed; throwing makes the batch come again,
 * which is harmless because the match table only lets a (subscription, article) pair through once.
 */
@ApplicationScoped
public class AlertMatcher {
    private static final Logger LOG = Logger.getLogger(AlertMatcher.class);

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final AlertMatchStore store;
    private final AlertDispatcher dispatcher;
    private final AlertConfig config;
    private final EntityMerges merges;
    private final Timer matchTimer;

    public AlertMatcher(ElasticsearchClient client, ArticleIndex index, AlertMatchStore store,
            AlertDispatcher dispatcher, AlertConfig config, EntityMerges merges, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.merges = merges;
        this.store = store;
        this.dispatcher = dispatcher;
        this.config = config;
        this.matchTimer = Timer.builder("newsroom.alerts.match.batch")
                .description("Matching one indexed batch against all active subscriptions")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @ActivateRequestContext
    void onIndexed(@Observes IndexedBatch batch) throws IOException {
        long start = System.nanoTime();
        List<AlertMatch> fresh = match(batch.articles());
        matchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (!fresh.isEmpty()) {
            dispatcher.deliverNow(fresh);
        }
    }

    /** Finds the batch's matches, records them, and returns those never recorded before. */
    @ActivateRequestContext
    public List<AlertMatch> match(List<EnrichedArticle> articles) throws IOException {
        List<AlertSubscription> subscriptions = AlertSubscription.active();
        if (subscriptions.isEmpty() || articles.isEmpty()) {
            return List.of();
        }
        Map<String, EnrichedArticle> byId = new HashMap<>();
        for (EnrichedArticle a : articles) {
            byId.put(a.id(), a);
        }
        List<String> ids = List.copyOf(byId.keySet());
        // The documents were just written to the write index: make them searchable before asking.
        String target = index.writeIndex();
        client.indices().refresh(r -> r.index(target));

        Instant now = Instant.now();
        List<AlertMatch> candidates = new ArrayList<>();
        Set<String> withWebhook = new HashSet<>();
        for (int from = 0; from < subscriptions.size(); from += config.msearchChunk()) {
            List<AlertSubscription> chunk = subscriptions.subList(from,
                    Math.min(subscriptions.size(), from + config.msearchChunk()));
            List<RequestItem> searches = new ArrayList<>(chunk.size());
            for (AlertSubscription s : chunk) {
                Query base = ArticleQueries.of(AlertSubscriptions.queryOf(s), merges);
                Query restricted = Query.of(q -> q.bool(b -> b.must(base).filter(f -> f.ids(i -> i.values(ids)))));
                searches.add(RequestItem.of(r -> r.header(h -> h.index(target)).body(b -> b.query(restricted)
                        .size(ids.size()).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false)))));
            }
            MsearchResponse<Void> response = client.msearch(m -> m.searches(searches), Void.class);
            for (int i = 0; i < chunk.size(); i++) {
                AlertSubscription s = chunk.get(i);
                MultiSearchResponseItem<Void> item = response.responses().get(i);
                if (item.isFailure()) {
                    throw new IOException("matching subscription " + s.id + " failed: " + item.failure().error());
                }
                for (Hit<Void> hit : item.result().hits().hits()) {
                    EnrichedArticle a = byId.get(hit.id());
                    if (a == null) {
                        continue;
                    }
                    candidates.add(new AlertMatch(AlertMatch.SCHEMA_VERSION, AlertMatch.matchId(s.id, a.id()), s.id,
                            s.name, a.id(), a.title(), a.url(), a.source(), a.publishedAt(), now,
                            a.entities() == null ? List.of() : a.entities().stream().map(ArticleEntity::id).toList()));
                    if (s.webhookUrl != null) {
                        withWebhook.add(s.id);
                    }
                }
            }
        }
        List<AlertMatch> fresh = store.recordNew(candidates, withWebhook);
        LOG.debugf("batch of %d articles, %d subscriptions: %d matches, %d new", articles.size(),
                subscriptions.size(), candidates.size(), fresh.size());
        return fresh;
    }
}
