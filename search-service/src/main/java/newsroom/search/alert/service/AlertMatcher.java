package newsroom.search.alert.service;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.events.AlertMatch;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.repository.SubscriptionFailures;
import newsroom.search.story.service.StoryLineage;

/**
 * Matches articles against every active subscription: in memory by the Lucene monitor ({@link AlertMonitor},
 * {@code newsroom.alerts.monitor-batch} articles at a time) as soon as they are read ({@link #prematch}), and, once
 * they are searchable, on Elasticsearch for the few subscriptions Lucene cannot reproduce
 * ({@link ElasticsearchAlertMatcher}) before the matches are recorded ({@link #record}). A subscription made after an
 * article was read may miss it (as one made on another instance may for a second); one changed or deleted while the
 * article waited is matched as it is when the match is recorded. Calling it again with the same articles
 * is harmless: the match table lets a (subscription, article) pair through once, and, for a subscription that fires
 * per story, a (subscription, story) pair once.
 *
 * <p>A subscription that fails on its own (its stored definition no longer parses, Lucene fails on it, or
 * Elasticsearch refuses its search) is marked failing and the others go on; a later success clears the mark.
 * Elasticsearch or PostgreSQL being unavailable is an exception: the caller waits and calls again.
 */
@ApplicationScoped
public class AlertMatcher {
    private static final Logger LOG = Logger.getLogger(AlertMatcher.class);
    static final Duration LOAD_WAIT = Duration.ofSeconds(5);

    private final AlertMonitor monitor;
    private final AlertDocuments documents;
    private final ElasticsearchAlertMatcher elasticsearch;
    private final AlertMatchStore store;
    private final SubscriptionFailures failures;
    private final StoryLineage lineage;
    private final Timer batchTimer;
    private final Timer monitorTimer;
    private final Timer articleTimer;
    private final Counter failureCounter;
    private final Counter unmatchable;

    public AlertMatcher(AlertMonitor monitor, AlertDocuments documents, ElasticsearchAlertMatcher elasticsearch,
            AlertMatchStore store, SubscriptionFailures failures, StoryLineage lineage, MeterRegistry registry) {
        this.monitor = monitor;
        this.documents = documents;
        this.elasticsearch = elasticsearch;
        this.store = store;
        this.failures = failures;
        this.lineage = lineage;
        this.batchTimer = Timer.builder("newsroom.alerts.match.batch")
                .description("Completing the match of a batch's searchable articles: the subscriptions matched on "
                        + "Elasticsearch, and recording (the in-memory match was taken before they were searchable)")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.monitorTimer = Timer.builder("newsroom.alerts.match.monitor")
                .description("Matching one batch of articles against the monitor's subscriptions (in memory)")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.articleTimer = Timer.builder("newsroom.alerts.match.article")
                .description("An article's share of its batch's in-memory match: the batch's time divided by its "
                        + "articles, recorded once per article (the monitor may match articles together)")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.unmatchable = Counter.builder("newsroom.alerts.articles.unmatchable")
                .description("Articles that cannot be matched: the indexer dead-letters them too (no document can be "
                        + "made of them, or a term is past Lucene's limit)")
                .register(registry);
        this.failureCounter = Counter.builder("newsroom.alerts.subscription.failures")
                .description("Subscriptions that began to fail on their own (marked failing; counted again only after "
                        + "they recovered)")
                .register(registry);
    }

    /** Finds the articles' matches, records them, and returns those never recorded before. */
    public List<AlertMatch> match(List<EnrichedArticle> articles) throws IOException {
        PendingMatches pending = prematch(articles);
        return record(pending, pending.articles().keySet());
    }

    /** Matches the articles against the monitor's subscriptions, in memory; nothing is recorded yet. */
    public PendingMatches prematch(List<EnrichedArticle> articles) throws IOException {
        try {
            if (!monitor.awaitLoaded(LOAD_WAIT)) {
                throw new IOException("the alert subscriptions are not loaded yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        long changes = monitor.changes();
        Map<String, EnrichedArticle> byId = new LinkedHashMap<>();
        articles.forEach(a -> byId.put(a.id(), a));
        if (byId.isEmpty()) {
            return new PendingMatches(byId, Map.of(), Map.of(), false, changes);
        }
        // Articles are read before the indexer has judged them: one it would dead-letter must match nothing here,
        // never fail the batch (which would be retried for ever)
        List<EnrichedArticle> unique = new ArrayList<>();
        List<AlertDocuments.Prepared> prepared = new ArrayList<>();
        Map<String, Set<String>> matched = new HashMap<>();
        long t0 = System.nanoTime();
        for (EnrichedArticle a : byId.values()) {
            try {
                prepared.add(documents.of(a));
                unique.add(a);
            } catch (RuntimeException e) {
                unmatchable(a, "the indexer cannot make a document of it either", e);
                matched.put(a.id(), Set.of());
            }
        }
        AlertMonitor.Matches matches = monitor.match(prepared);
        long took = System.nanoTime() - t0;
        monitorTimer.record(took, TimeUnit.NANOSECONDS);
        // The monitor may match articles together (monitor-batch): each article's share is the time divided evenly.
        for (int i = 0; i < unique.size(); i++) {
            articleTimer.record(took / unique.size(), TimeUnit.NANOSECONDS);
            matched.put(unique.get(i).id(), matches.ids().get(i));
        }
        matches.unindexable().forEach((i, e) -> unmatchable(unique.get(i), "Lucene cannot index it, nor can "
                + "Elasticsearch", e));
        Map<String, String> failed = new LinkedHashMap<>();
        matches.errors().forEach((id, e) -> failed.put(id, "matching failed: " + e));
        boolean elsewhere = !monitor.byTarget(AlertMonitor.Target.ELASTICSEARCH).isEmpty()
                || monitor.byTarget(AlertMonitor.Target.INVALID).stream()
                        .anyMatch(e -> !monitor.isFailing(e.subscription().id()));
        return new PendingMatches(byId, matched, failed, elsewhere, changes);
    }

    private void unmatchable(EnrichedArticle a, String why, RuntimeException e) {
        unmatchable.increment();
        LOG.warnf("article %s is not matched against alerts: %s (%s)", a.id(), why, e.toString());
    }

    /**
     * Completes the match of these articles of {@code pending}, now searchable: matches them on Elasticsearch where
     * needed, records the matches and returns those never recorded before. Subscriptions that changed since the
     * prematch are honoured: the in-memory match is taken again.
     */
    public List<AlertMatch> record(PendingMatches pending, Collection<String> searchable) throws IOException {
        long start = System.nanoTime();
        try {
            Set<String> ready = Set.copyOf(searchable);
            PendingMatches p = pending;
            if (p.changes() != monitor.changes()) {
                p = prematch(pending.articles().values().stream().filter(a -> ready.contains(a.id())).toList());
            }
            return recordMatches(p, ready);
        } finally {
            batchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private List<AlertMatch> recordMatches(PendingMatches pending, Set<String> ready) throws IOException {
        Map<String, EnrichedArticle> byId = new LinkedHashMap<>();
        Map<String, List<String>> hits = new LinkedHashMap<>();
        for (EnrichedArticle a : pending.articles().values()) {
            if (ready.contains(a.id())) {
                byId.put(a.id(), a);
                for (String id : pending.matched().getOrDefault(a.id(), Set.of())) {
                    hits.computeIfAbsent(id, k -> new ArrayList<>()).add(a.id());
                }
            }
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        Map<String, String> failed = new LinkedHashMap<>(pending.failed());
        List<MonitoredSubscription> onElasticsearch = monitor.byTarget(AlertMonitor.Target.ELASTICSEARCH).stream()
                .map(AlertMonitor.Entry::subscription).toList();
        if (!onElasticsearch.isEmpty()) {
            elasticsearch.match(onElasticsearch, byId.keySet(), hits, failed);
        }
        for (AlertMonitor.Entry e : monitor.byTarget(AlertMonitor.Target.INVALID)) {
            if (!monitor.isFailing(e.subscription().id())) {
                failed.put(e.subscription().id(), e.reason());
            }
        }

        List<AlertMatch> candidates = new ArrayList<>();
        Set<String> withWebhook = new HashSet<>();
        Set<String> perStory = new HashSet<>();
        hits.forEach((subscriptionId, articleIds) -> {
            AlertMonitor.Entry entry = monitor.entry(subscriptionId);
            if (entry == null || failed.containsKey(subscriptionId)) {
                return; // deleted meanwhile, or failed on one of the articles
            }
            MonitoredSubscription s = entry.subscription();
            for (String articleId : articleIds) {
                EnrichedArticle a = byId.get(articleId);
                if (a == null) {
                    continue;
                }
                candidates.add(new AlertMatch(AlertMatch.SCHEMA_VERSION, AlertMatch.matchId(s.id(), a.id()), s.id(),
                        s.name(), a.id(), a.title(), a.url(), a.source(), a.publishedAt(), now,
                        a.entities() == null ? List.of() : a.entities().stream().map(ArticleEntity::id).toList()));
                if (s.hasWebhook()) {
                    withWebhook.add(s.id());
                }
                if (s.perStory()) {
                    perStory.add(s.id());
                }
            }
        });
        List<AlertMatch> fresh = store.recordNew(candidates, withWebhook, storiesOf(candidates, perStory));
        if (!failed.isEmpty()) {
            // Counted and logged when a subscription begins to fail: one that keeps failing is tried again with every
            // batch (and a batch may be recorded in parts), and would otherwise log and count each time
            Set<String> before = monitor.failing();
            failures.markFailing(failed);
            monitor.failing(failed.keySet(), true);
            failed.forEach((id, error) -> {
                if (before.contains(id)) {
                    LOG.debugf("alert subscription %s is still failing: %s", id, error);
                } else {
                    failureCounter.increment();
                    LOG.warnf("alert subscription %s is failing: %s", id, error);
                }
            });
        }
        List<String> recovered = new ArrayList<>();
        for (String id : monitor.failing()) {
            AlertMonitor.Entry e = monitor.entry(id);
            if (e != null && e.target() != AlertMonitor.Target.INVALID && !failed.containsKey(id)) {
                recovered.add(id);
            }
        }
        if (!recovered.isEmpty()) {
            failures.clear(recovered);
            monitor.failing(recovered, false);
        }
        LOG.debugf("%d articles: %d matches, %d new, %d failing", byId.size(), candidates.size(), fresh.size(),
                failed.size());
        return fresh;
    }

    /** The story family of each match of a subscription that fires once per story, by match id. */
    private Map<String, List<String>> storiesOf(List<AlertMatch> candidates, Set<String> perStory) throws IOException {
        List<AlertMatch> once = candidates.stream().filter(m -> perStory.contains(m.subscriptionId())).toList();
        if (once.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> families = lineage.families(once.stream().map(AlertMatch::articleId)
                .distinct().toList());
        Map<String, List<String>> out = new HashMap<>();
        once.forEach(m -> out.put(m.id(), families.get(m.articleId())));
        return out;
    }
}
