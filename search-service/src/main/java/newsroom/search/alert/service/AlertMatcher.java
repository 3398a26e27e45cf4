package newsroom.search.alert.service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import newsroom.events.AlertMatch;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.search.InvalidQueryException;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.repository.AlertSubscription;
import newsroom.search.alert.repository.SubscriptionFailures;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.ArticleQueries;
import newsroom.search.service.EntityMerges;

/**
 * Matches searchable articles against every active subscription: per subscription, the {@code /api/search} query
 * ({@link ArticleQueries#of}) restricted by an {@code ids} filter to the articles, all in one multi-search per chunk
 * of subscriptions. Calling it again with the same articles is harmless: the match table lets a (subscription,
 * article) pair through once.
 *
 * <p>A subscription whose search fails on its own (Elasticsearch answers its item with an error other than
 * "unavailable", or its stored definition no longer parses) is marked failing and the others go on; a later success
 * clears the mark. Elasticsearch or PostgreSQL being unavailable is an exception: the caller waits and calls again.
 */
@ApplicationScoped
public class AlertMatcher {
    private static final Logger LOG = Logger.getLogger(AlertMatcher.class);

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final AlertMatchStore store;
    private final SubscriptionFailures failures;
    private final AlertConfig config;
    private final EntityMerges merges;
    private final Timer matchTimer;
    private final Counter failureCounter;

    public AlertMatcher(ElasticsearchClient client, ArticleIndex index, AlertMatchStore store,
            SubscriptionFailures failures, AlertConfig config, EntityMerges merges, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.store = store;
        this.failures = failures;
        this.config = config;
        this.merges = merges;
        this.matchTimer = Timer.builder("newsroom.alerts.match.batch")
                .description("Matching one batch of searchable articles against all active subscriptions")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.failureCounter = Counter.builder("newsroom.alerts.subscription.failures")
                .description("Subscription searches that failed on their own (the subscription is marked failing)")
                .register(registry);
    }

    /** Finds the articles' matches, records them, and returns those never recorded before. */
    @ActivateRequestContext
    public List<AlertMatch> match(List<EnrichedArticle> articles) throws IOException {
        long start = System.nanoTime();
        try {
            return matchAll(articles);
        } finally {
            matchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private List<AlertMatch> matchAll(List<EnrichedArticle> articles) throws IOException {
        List<AlertSubscription> subscriptions = AlertSubscription.active();
        if (subscriptions.isEmpty() || articles.isEmpty()) {
            return List.of();
        }
        Map<String, EnrichedArticle> byId = new HashMap<>();
        for (EnrichedArticle a : articles) {
            byId.put(a.id(), a);
        }
        List<String> ids = List.copyOf(byId.keySet());
        String target = index.writeIndex();

        Instant now = Instant.now();
        List<AlertMatch> candidates = new ArrayList<>();
        Set<String> withWebhook = new HashSet<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> recovered = new ArrayList<>();
        for (int from = 0; from < subscriptions.size(); from += config.msearchChunk()) {
            List<AlertSubscription> chunk = subscriptions.subList(from,
                    Math.min(subscriptions.size(), from + config.msearchChunk()));
            List<AlertSubscription> asked = new ArrayList<>(chunk.size());
            List<RequestItem> searches = new ArrayList<>(chunk.size());
            for (AlertSubscription s : chunk) {
                Query base;
                try {
                    base = ArticleQueries.of(AlertSubscriptions.queryOf(s), merges);
                } catch (InvalidQueryException e) {
                    failed.put(s.id, "invalid definition: " + String.join("; ", e.details()));
                    continue;
                }
                Query restricted = Query.of(q -> q.bool(b -> b.must(base).filter(f -> f.ids(i -> i.values(ids)))));
                asked.add(s);
                searches.add(RequestItem.of(r -> r.header(h -> h.index(target)).body(b -> b.query(restricted)
                        .size(ids.size()).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false)))));
            }
            if (searches.isEmpty()) {
                continue;
            }
            MsearchResponse<Void> response = client.msearch(m -> m.searches(searches), Void.class);
            for (int i = 0; i < asked.size(); i++) {
                AlertSubscription s = asked.get(i);
                MultiSearchResponseItem<Void> item = response.responses().get(i);
                if (item.isFailure()) {
                    int status = item.failure().status();
                    if (unavailable(status)) {
                        // Not this subscription's fault: the whole batch waits and comes again.
                        throw new IOException("Elasticsearch is unavailable (" + status + "): "
                                + describe(item.failure().error()));
                    }
                    failed.put(s.id, "Elasticsearch rejected the search (" + status + "): "
                            + describe(item.failure().error()));
                    continue;
                }
                if (s.failingSince != null) {
                    recovered.add(s.id);
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
        if (!failed.isEmpty()) {
            failures.markFailing(failed);
            failureCounter.increment(failed.size());
            failed.forEach((id, error) -> LOG.warnf("alert subscription %s is failing: %s", id, error));
        }
        failures.clear(recovered);
        LOG.debugf("%d articles, %d subscriptions: %d matches, %d new, %d failing", articles.size(),
                subscriptions.size(), candidates.size(), fresh.size(), failed.size());
        return fresh;
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
