package newsroom.search.alert.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.ConcurrentQueryLoader;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.util.BytesRefHash;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.repository.IndexAnalysis;

/**
 * Every active subscription, its query compiled once into a Lucene {@link Monitor} (in memory, with a term-filtering
 * presearcher, so an article is only run against the subscriptions that share a term with it). Plain entity watches
 * (a third of a newsroom's subscriptions) need no query: they are a map from entity id to subscriptions, looked up
 * with the article's entity ids. The monitor can match several articles at once ({@link #match}). The few Lucene
 * cannot reproduce ({@link AlertQueryCompiler}) and those whose stored definition no longer parses are kept beside it.
 * Filled and kept in step with PostgreSQL by {@link SubscriptionSync}.
 */
@ApplicationScoped
public class AlertMonitor {
    /** Where a subscription is matched. */
    public enum Target {
        MONITOR, ELASTICSEARCH, INVALID
    }

    /** @param reason why it is not in the monitor (null when it is) */
    public record Entry(MonitoredSubscription subscription, Target target, String reason) {
    }

    private final Monitor monitor;
    /** Most articles handed to the monitor at once (newsroom.alerts.monitor-batch). */
    private final int batch;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The entries not in the monitor (Elasticsearch's and the invalid): few, and read for every batch matched. */
    private final Map<String, Entry> beside = new ConcurrentHashMap<>();
    /** Plain entity watches: subscription id → its entities (all required), and first entity → subscription ids. */
    private final Map<String, List<String>> watches = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> watchesByEntity = new ConcurrentHashMap<>();
    /** Subscription id → when this instance last changed it (System.nanoTime), to keep a stale snapshot off it. */
    private final Map<String, Long> touched = new ConcurrentHashMap<>();
    /** Subscriptions marked failing in PostgreSQL: a success clears the mark. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final CountDownLatch loaded = new CountDownLatch(1);
    /** Counts the changes to the subscriptions, each once it is visible (see {@link #changes()}). */
    private final AtomicLong changes = new AtomicLong();
    private volatile double loadSeconds = Double.NaN;

    public AlertMonitor(AlertConfig config, MeterRegistry registry) {
        if (config.monitorBatch() < 1) {
            throw new IllegalArgumentException("newsroom.alerts.monitor-batch must be at least 1");
        }
        this.batch = config.monitorBatch();
        Presearcher presearcher = "multipass".equalsIgnoreCase(config.monitorPresearcher())
                ? new MultipassTermFilteredPresearcher(2)
                : new TermFilteredPresearcher();
        try {
            this.monitor = new Monitor(IndexAnalysis.STANDARD, presearcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Gauge.builder("newsroom.alerts.monitor.queries", this, m -> m.count(Target.MONITOR))
                .description("Subscriptions matched in memory by the Lucene monitor").register(registry);
        Gauge.builder("newsroom.alerts.monitor.elasticsearch", this, m -> m.count(Target.ELASTICSEARCH))
                .description("Subscriptions Lucene cannot reproduce, matched on Elasticsearch").register(registry);
        Gauge.builder("newsroom.alerts.monitor.load.seconds", this, m -> m.loadSeconds)
                .description("Time to load every subscription into the monitor at start").register(registry);
    }

    private long count(Target target) {
        return holding(target).filter(e -> e.target() == target).count();
    }

    /** The entries a subscription of {@code target} can be among: only the few {@link #beside} for the others. */
    private Stream<Entry> holding(Target target) {
        return (target == Target.MONITOR ? entries : beside).values().stream();
    }

    /** Adds or replaces these subscriptions. */
    public void put(Collection<MonitoredSubscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return;
        }
        List<MonitorQuery> queries = new ArrayList<>();
        List<String> notInMonitor = new ArrayList<>();
        Map<String, Entry> next = new HashMap<>();
        Map<String, List<String>> newWatches = new HashMap<>();
        for (MonitoredSubscription s : subscriptions) {
            Entry entry;
            if (s.query() == null) {
                entry = new Entry(s, Target.INVALID, s.invalid());
            } else {
                AlertQueryCompiler.Compiled c = AlertQueryCompiler.compile(s.query());
                entry = c.elasticsearch() != null ? new Entry(s, Target.ELASTICSEARCH, c.elasticsearch())
                        : new Entry(s, Target.MONITOR, null);
                if (c.query() != null) {
                    queries.add(new MonitorQuery(s.id(), c.query()));
                } else if (c.watch() != null) {
                    newWatches.put(s.id(), c.watch());
                }
            }
            if (entry.target() != Target.MONITOR || newWatches.containsKey(s.id())) {
                notInMonitor.add(s.id());
            }
            next.put(s.id(), entry);
        }
        next.keySet().forEach(this::unwatch);
        newWatches.forEach((id, entities) -> {
            watches.put(id, entities);
            watchesByEntity.computeIfAbsent(entities.get(0), e -> ConcurrentHashMap.newKeySet()).add(id);
        });
        try {
            register(queries);
            if (!notInMonitor.isEmpty()) {
                monitor.deleteById(notInMonitor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long now = System.nanoTime();
        next.keySet().forEach(id -> touched.put(id, now));
        entries.putAll(next);
        next.forEach((id, e) -> {
            if (e.target() == Target.MONITOR) {
                beside.remove(id);
            } else {
                beside.put(id, e);
            }
        });
        changes.incrementAndGet();
    }

    /** Many queries (the load at start) are analysed on every core; a few go in directly. */
    private void register(List<MonitorQuery> queries) throws IOException {
        if (queries.size() < 1000) {
            if (!queries.isEmpty()) {
                monitor.register(queries);
            }
            return;
        }
        try (ConcurrentQueryLoader loader = new ConcurrentQueryLoader(monitor,
                Math.max(1, Runtime.getRuntime().availableProcessors()), ConcurrentQueryLoader.DEFAULT_QUEUE_SIZE)) {
            for (MonitorQuery q : queries) {
                loader.add(q);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading subscriptions", e);
        }
    }

    private void unwatch(String id) {
        List<String> old = watches.remove(id);
        if (old != null) {
            Set<String> ids = watchesByEntity.get(old.get(0));
            if (ids != null) {
                ids.remove(id);
            }
        }
    }

    public void remove(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            monitor.deleteById(List.copyOf(ids));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long now = System.nanoTime();
        ids.forEach(id -> {
            entries.remove(id);
            beside.remove(id);
            unwatch(id);
            touched.put(id, now);
        });
        changes.incrementAndGet();
    }

    /**
     * How many times the subscriptions changed. Counted after each change is in place, so a match that read the same
     * count before it began and after it ended saw none of them happen.
     */
    public long changes() {
        return changes.get();
    }

    /** True when this instance changed the subscription after {@code nanoTime}. */
    boolean changedSince(String id, long nanoTime) {
        Long at = touched.get(id);
        return at != null && at - nanoTime > 0;
    }

    /**
     * @param ids for each article, in the order given, the subscriptions it matches
     * @param errors subscription id → why Lucene could not run its query on the batch (on one of its articles at
     *     least: Lucene tells no more)
     * @param unindexable article position → why Lucene cannot index the article (a term past its 32,766-byte limit,
     *     which Elasticsearch refuses too): it matches nothing
     * @param queriesRun the candidate queries the presearcher let through and the monitor ran, added up over the
     *     chunks: the cost of a match
     */
    public record Matches(List<Set<String>> ids, Map<String, Exception> errors,
            Map<Integer, RuntimeException> unindexable, int queriesRun) {
    }

    /**
     * The subscriptions each article matches: entity watches by lookup, article by article; the others by the
     * monitor, up to {@code newsroom.alerts.monitor-batch} articles at once. A chunk shares the per-document work
     * (one presearcher query, one index) but runs each candidate on a small Lucene index, dearer than a single
     * article's MemoryIndex: measured no faster, hence the default of 1 ({@link AlertConfig#monitorBatch}). An article
     * Lucene cannot index is set apart (a chunk with one is matched again one article at a time): it never holds the
     * others.
     */
    public Matches match(List<AlertDocuments.Prepared> articles) throws IOException {
        List<Set<String>> ids = new ArrayList<>(articles.size());
        for (AlertDocuments.Prepared article : articles) {
            ids.add(watchedIn(article));
        }
        Map<String, Exception> errors = new HashMap<>();
        Map<Integer, RuntimeException> unindexable = new HashMap<>();
        int queriesRun = 0;
        for (int from = 0; from < articles.size(); from += batch) {
            queriesRun += matchChunk(articles, from, Math.min(articles.size(), from + batch), ids, errors,
                    unindexable);
        }
        unindexable.keySet().forEach(i -> ids.get(i).clear());
        return new Matches(ids, errors, unindexable, queriesRun);
    }

    /** Matches articles [from, to) at once, adding to their sets; @return the candidate queries run */
    private int matchChunk(List<AlertDocuments.Prepared> articles, int from, int to, List<Set<String>> ids,
            Map<String, Exception> errors, Map<Integer, RuntimeException> unindexable) throws IOException {
        MultiMatchingQueries<QueryMatch> found;
        try {
            found = monitor.match(articles.subList(from, to).stream().map(AlertDocuments.Prepared::document)
                    .toArray(Document[]::new), RewrittenQueryMatcher.FACTORY);
        } catch (IllegalArgumentException | BytesRefHash.MaxBytesLengthExceededException e) {
            // The article's own fault (a MemoryIndex throws the latter, a batch's IndexWriter the former)
            if (to - from == 1) {
                unindexable.put(from, e);
                return 0;
            }
            int run = 0;
            for (int i = from; i < to; i++) {
                run += matchChunk(articles, i, i + 1, ids, errors, unindexable);
            }
            return run;
        }
        for (int i = from; i < to; i++) {
            Set<String> matched = ids.get(i);
            found.getMatches(i - from).forEach(m -> matched.add(m.getQueryId()));
        }
        errors.putAll(found.getErrors());
        return found.getQueriesRun();
    }

    /** The plain entity watches whose entities the article all has. */
    private Set<String> watchedIn(AlertDocuments.Prepared article) {
        Set<String> ids = new HashSet<>();
        for (String entity : article.entityIds()) {
            for (String id : watchesByEntity.getOrDefault(entity, Set.of())) {
                List<String> required = watches.get(id);
                if (required != null && article.entityIds().containsAll(required)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    public Entry entry(String id) {
        return entries.get(id);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public List<Entry> byTarget(Target target) {
        return holding(target).filter(e -> e.target() == target).toList();
    }

    public boolean isFailing(String id) {
        return failing.contains(id);
    }

    public void failing(Collection<String> ids, boolean isFailing) {
        if (isFailing) {
            failing.addAll(ids);
        } else {
            failing.removeAll(ids);
        }
    }

    /** Replaces the known failing marks with PostgreSQL's (changes made by other instances or by hand). */
    void failingAre(Set<String> ids) {
        failing.retainAll(ids);
        failing.addAll(ids);
    }

    public Set<String> failing() {
        return Set.copyOf(failing);
    }

    void loaded(Duration took) {
        loadSeconds = took.toNanos() / 1e9;
        loaded.countDown();
    }

    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    /** Waits for the initial load; matching before it would miss subscriptions. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public double loadSeconds() {
        return loadSeconds;
    }

    /** Also ends the monitor's purge thread (not a daemon: a program that never closed it would never exit). */
    @PreDestroy
    public void close() throws IOException {
        monitor.close();
    }
}
