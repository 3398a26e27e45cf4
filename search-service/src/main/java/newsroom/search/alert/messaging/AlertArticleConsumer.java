package newsroom.search.alert.messaging;

import java.time.Duration;
import java.util.Collection;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.AlertMatch;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.service.AlertMatcher;
import newsroom.search.alert.service.PendingMatches;
import newsroom.search.alert.service.SearchableArticles;
import newsroom.search.messaging.IndexerProgress;
import newsroom.support.messaging.Backoff;

/**
 * Alert matching on its own consumer group of {@code news.articles.enriched} ({@code alert-articles}), beside the
 * indexer instead of inside it: nothing here can stop or slow indexing. A batch is matched in memory as soon as it is
 * read, and an article's matches are recorded (and so delivered) once it is searchable (asked with an {@code ids}
 * search every {@code newsroom.alerts.searchable-poll}, never a forced refresh): an alert never arrives before its
 * article can be found, and does not wait for the rest of the batch's matching. An article no subscription matched is
 * not waited for at all.
 *
 * <p>While Elasticsearch or PostgreSQL is unavailable the batch waits and retries with backoff, unacknowledged, so
 * the connector pauses the partitions (and commits nothing past it) instead of dead-lettering. An article waits for the
 * indexer however far behind it is (a takeover, a backlog), and is given up (logged, counted) only when still not
 * searchable a refresh after the indexer passed its offset: it was dead-lettered ({@link WaitingArticle}).
 */
@ApplicationScoped
public class AlertArticleConsumer {
    private static final Logger LOG = Logger.getLogger(AlertArticleConsumer.class);
    private final SearchableArticles searchable;
    private final AlertMatcher matcher;
    private final AlertDispatcher dispatcher;
    private final IndexerProgress indexer;
    private final AlertConfig config;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Counter givenUp;
    private final Counter retries;
    /** When Elasticsearch last became reachable (start-up counts): waiting only counts from then. */
    private volatile Instant reachableSince = Instant.now();
    private volatile String lastError;
    private volatile boolean assigned;

    public AlertArticleConsumer(SearchableArticles searchable, AlertMatcher matcher, AlertDispatcher dispatcher,
            IndexerProgress indexer, AlertConfig config, MeterRegistry registry) {
        this.searchable = searchable;
        this.matcher = matcher;
        this.dispatcher = dispatcher;
        this.indexer = indexer;
        this.config = config;
        this.givenUp = Counter.builder("newsroom.alerts.articles.not.searchable")
                .description("Articles never matched because they did not become searchable (dead-lettered)")
                .register(registry);
        this.retries = Counter.builder("newsroom.alerts.match.retries")
                .description("Matching attempts that failed because Elasticsearch or PostgreSQL was unavailable")
                .register(registry);
    }

    @Incoming("alert-articles")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, byte[]> batch) {
        Map<String, WaitingArticle> waiting = decode(batch.getRecords());
        Backoff backoff = new Backoff(config.matchInitialBackoff(), config.matchMaxBackoff());
        PendingMatches pending = null;
        boolean unreachable = false;
        while (!waiting.isEmpty()) {
            boolean failed = false;
            if (pending == null) {
                try {
                    // In memory, while the indexer catches up: an article no subscription matched needs no waiting
                    pending = matcher.prematch(waiting.values().stream().map(w -> w.article).toList());
                    PendingMatches matched = pending;
                    waiting.keySet().removeIf(id -> !matched.awaits(id));
                    if (waiting.isEmpty()) {
                        lastError = null;
                    }
                } catch (Exception e) {
                    failed = true;
                    failed(e);
                }
            }
            Set<String> ready = null;
            Instant askedAt = Instant.now();
            if (pending != null && !waiting.isEmpty()) {
                try {
                    ready = searchable.among(waiting.keySet());
                    if (unreachable) {
                        reachableSince = Instant.now(); // waiting for searchability only counts from here
                        unreachable = false;
                    }
                } catch (Exception e) {
                    unreachable = true;
                    failed = true;
                    failed(e);
                }
            }
            if (ready != null) {
                try {
                    if (!ready.isEmpty()) {
                        List<AlertMatch> fresh = matcher.record(pending, ready);
                        if (!fresh.isEmpty()) {
                            dispatcher.deliverNow(fresh);
                        }
                        waiting.keySet().removeAll(ready);
                        backoff.reset();
                    }
                    giveUpOnTheHopeless(waiting, askedAt);
                    lastError = null;
                } catch (Exception e) {
                    failed = true;
                    failed(e);
                }
            }
            // Not searchable yet: look again soon (an alert is due right after its article is searchable); an
            // outage: back off.
            if (!waiting.isEmpty() && await(failed ? backoff.next() : config.searchablePoll())) {
                // Shutting down: leave the batch unacknowledged, it is read again after the restart.
                return CompletableFuture.completedFuture(null);
            }
        }
        return batch.ack();
    }

    private void failed(Exception e) {
        lastError = "alert matching waits for Elasticsearch or PostgreSQL, will retry: " + e;
        retries.increment();
        LOG.warn(lastError);
    }

    private void giveUpOnTheHopeless(Map<String, WaitingArticle> waiting, Instant askedAt) {
        Instant now = Instant.now();
        boolean seesIndexer = indexer.seesGroup();
        waiting.values().removeIf(w -> {
            boolean hopeless = w.hopeless(askedAt, now, indexer.passedUpTo(w.partition), seesIndexer,
                    reachableSince, config.searchableTimeout());
            if (hopeless) {
                givenUp.increment();
                LOG.warnf("article %s (%s@%d) did not become searchable (%s): it is not matched against alerts",
                        w.article.id(), w.partition, w.offset, w.reason(config.searchableTimeout()));
            }
            return hopeless;
        });
    }

    /** The articles of the batch by id (a later record of the same article wins); unreadable records are skipped. */
    private static Map<String, WaitingArticle> decode(List<KafkaRecord<String, byte[]>> records) {
        Map<String, WaitingArticle> out = new LinkedHashMap<>();
        Instant readAt = Instant.now();
        for (KafkaRecord<String, byte[]> r : records) {
            IncomingKafkaRecordMetadata<?, ?> meta = r.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
            if (meta == null || r.getPayload() == null) {
                continue;
            }
            EnrichedArticle a;
            try {
                a = EventJson.fromJson(r.getPayload(), EnrichedArticle.class);
            } catch (RuntimeException e) {
                // The indexer dead-letters it with the reason; nothing to match.
                LOG.debugf("skipping an unreadable record at %s-%d@%d: %s", meta.getTopic(), meta.getPartition(),
                        meta.getOffset(), e);
                continue;
            }
            if (a == null || a.id() == null) {
                continue;
            }
            out.remove(a.id());
            out.put(a.id(), new WaitingArticle(a, new TopicPartition(meta.getTopic(), meta.getPartition()),
                    meta.getOffset(), readAt));
        }
        return out;
    }

    /** @return true when the service is stopping */
    private boolean await(Duration delay) {
        try {
            return stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /** Null while matching works, else why it is waiting. */
    public String lastError() {
        return lastError;
    }

    /** True once partitions are assigned and positioned: every article published from then on is matched. */
    public boolean isAssigned() {
        return assigned;
    }

    void assigned(boolean assigned) {
        this.assigned = assigned; // through a method: the listener holds a client proxy, not this instance
    }

    /**
     * Resolves the start positions at assignment (auto.offset.reset=latest would otherwise wait for a fetch), and
     * commits them where the group has no offset yet: a partition the group never committed on starts at its end, and
     * an instance that died before its first commit there would hand it on uncommitted, so that the next owner started
     * at the end again, past every article that arrived in between.
     */
    @ApplicationScoped
    @Identifier("alert-articles-rebalance")
    static class Positions implements KafkaConsumerRebalanceListener {
        /** Bounded: this runs inside the connector's poll, and a broker away must not hold the whole rebalance. */
        private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);
        private final AlertArticleConsumer matcher;

        Positions(AlertArticleConsumer matcher) {
            this.matcher = matcher;
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            partitions.forEach(p -> positions.put(p, consumer.position(p)));
            if (!partitions.isEmpty()) {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions),
                            KAFKA_TIMEOUT);
                    Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
                    positions.forEach((p, position) -> {
                        if (committed.get(p) == null) {
                            starts.put(p, new OffsetAndMetadata(position));
                        }
                    });
                    if (!starts.isEmpty()) {
                        consumer.commitSync(starts, KAFKA_TIMEOUT);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("could not commit the alert matcher's start positions %s: %s", positions, e);
                }
            }
            matcher.assigned(!partitions.isEmpty() || !consumer.assignment().isEmpty());
        }
    }
}
