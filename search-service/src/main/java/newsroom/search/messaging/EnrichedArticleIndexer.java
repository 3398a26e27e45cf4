package newsroom.search.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.search.config.SearchConfig;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.ArticleIndex.BulkOutcome;
import newsroom.search.repository.EntityDirectory;
import newsroom.search.story.service.StoryAssigner;
import newsroom.search.story.service.StoryBatch;
import newsroom.support.messaging.Backoff;

/**
 * Consumes {@code news.articles.enriched} in batches (channel {@code enriched-articles}, {@code batch=true}): one bulk
 * request per batch, the batch acknowledged (so the throttled commit strategy may commit it) only after Elasticsearch
 * acknowledged every document or the document went to the dead-letter topic.
 *
 * <p>While Elasticsearch (or Kafka, for a dead letter) is unavailable, or refuses writes for a while (429, 5xx, a
 * write block, a closed index), the batch is retried here with exponential backoff and never nacked: a nack of a
 * batch would dead-letter all of it. The work runs on a thread of its own, one batch at a time (the connector only
 * hands over the next batch once the returned stage completes); the connector keeps polling on its own thread and
 * pauses the partitions meanwhile, so the consumer stays in its group however long Elasticsearch is away. Documents
 * are written by article id, so a redelivered batch (after a rebalance or a restart) overwrites instead of
 * duplicating.
 */
@ApplicationScoped
public class EnrichedArticleIndexer {
    private static final Logger LOG = Logger.getLogger(EnrichedArticleIndexer.class);

    private final SearchConfig config;
    private final ArticleIndex index;
    private final DeadLetters deadLetters;
    private final IndexerProgress progress;
    private final EntityDirectory directory;
    private final StoryAssigner stories;
    private final Counter indexedCounter;
    private final Counter retriesCounter;
    private final Timer bulkTimer;
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Bulk requests and retries block: never on the connector's event loop. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "enriched-article-indexer");
        t.setDaemon(true);
        return t;
    });

    public EnrichedArticleIndexer(SearchConfig config, ArticleIndex index, DeadLetters deadLetters,
            IndexerProgress progress, EntityDirectory directory, StoryAssigner stories, MeterRegistry registry) {
        this.config = config;
        this.index = index;
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.directory = directory;
        this.stories = stories;
        this.indexedCounter = Counter.builder("newsroom.search.indexed")
                .description("Articles Elasticsearch acknowledged").register(registry);
        this.retriesCounter = Counter.builder("newsroom.search.index.retries")
                .description("Batches retried after Elasticsearch or Kafka failed").register(registry);
        this.bulkTimer = Timer.builder("newsroom.search.bulk").description("Bulk requests to Elasticsearch")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    @PreDestroy
    void close() {
        stopping.countDown();
        worker.shutdownNow();
    }

    @Incoming("enriched-articles")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> index(KafkaRecordBatch<String, byte[]> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (Message<byte[]> message : batch.getRecords()) {
            message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .ifPresent(m -> records.add(recordOf(m)));
        }
        return CompletableFuture.supplyAsync(() -> indexWithRetries(records), worker).thenCompose(done -> {
            if (!done) {
                // Shutting down: not acknowledged, so not committed; the batch is read again after the restart.
                return CompletableFuture.completedFuture(null);
            }
            Map<TopicPartition, Long> next = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
            }
            progress.indexed(next);
            return batch.ack();
        });
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> recordOf(IncomingKafkaRecordMetadata<?, ?> metadata) {
        return (ConsumerRecord<String, byte[]>) metadata.getRecord();
    }

    /** True once every record is indexed or dead-lettered; false only when the service stops first. */
    boolean indexWithRetries(List<ConsumerRecord<String, byte[]>> records) {
        List<Pending> toIndex = new ArrayList<>();
        List<DeadLetters.Letter> toDeadLetter = new ArrayList<>();
        Instant now = Instant.now();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                LOG.debugf("skipping a tombstone at %s-%d@%d", record.topic(), record.partition(), record.offset());
                continue;
            }
            try {
                EnrichedArticle article = EventJson.fromJson(record.value(), EnrichedArticle.class);
                if (article == null || article.id() == null || article.id().isBlank()) {
                    toDeadLetter.add(new DeadLetters.Letter(record, "article without an id", "IllegalArgumentException"));
                } else {
                    toIndex.add(new Pending(record, article, ArticleDocument.of(article, now)));
                }
            } catch (RuntimeException e) {
                toDeadLetter.add(new DeadLetters.Letter(record, "unreadable EnrichedArticle JSON: " + e.getMessage(),
                        e.getClass().getName()));
            }
        }
        Backoff backoff = new Backoff(config.indexer().initialBackoff(), config.indexer().maxBackoff());
        StoryBatch storiesToApply = null;
        while (true) {
            try {
                index.prepare();
                if (!toIndex.isEmpty()) {
                    // each document is written once, with its story; the stories' own records follow the bulk
                    StoryBatch assigned = stories.assign(toIndex.stream().map(Pending::document).toList());
                    toIndex = bulk(withStories(toIndex, assigned), toDeadLetter);
                    storiesToApply = storiesToApply == null ? assigned : storiesToApply.and(assigned);
                }
                if (storiesToApply != null) {
                    storiesToApply.apply();
                    storiesToApply = null;
                }
                while (!toDeadLetter.isEmpty()) {
                    deadLetters.send(toDeadLetter.get(0));
                    toDeadLetter.remove(0);
                }
                if (toIndex.isEmpty()) {
                    return true;
                }
                progress.failed("Elasticsearch asked to retry " + toIndex.size() + " document(s)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                progress.failed("indexing a batch failed, will retry: " + e);
            }
            retriesCounter.increment();
            LOG.warn(progress.lastError());
            if (!pause(backoff.next())) {
                return false;
            }
        }
    }

    /** One bulk request; returns the documents to retry and queues the permanently rejected ones as dead letters. */
    private List<Pending> bulk(List<Pending> toIndex, List<DeadLetters.Letter> toDeadLetter) throws Exception {
        List<ArticleDocument> docs = toIndex.stream().map(Pending::document).toList();
        BulkOutcome outcome = bulkTimer.recordCallable(() -> index.bulkIndex(docs));
        List<Pending> retry = new ArrayList<>();
        boolean[] failed = new boolean[toIndex.size()];
        for (BulkOutcome.Failure failure : outcome.failures()) {
            Pending pending = toIndex.get(failure.position());
            failed[failure.position()] = true;
            if (failure.retryable()) {
                retry.add(pending);
            } else {
                toDeadLetter.add(new DeadLetters.Letter(pending.record(),
                        "Elasticsearch rejected the document (" + failure.status() + "): " + failure.reason(),
                        "ElasticsearchRejection"));
            }
        }
        for (int i = 0; i < toIndex.size(); i++) {
            if (!failed[i]) {
                learnNames(toIndex.get(i).article());
            }
        }
        indexedCounter.increment(toIndex.size() - outcome.failures().size());
        return retry;
    }

    private static List<Pending> withStories(List<Pending> pending, StoryBatch assigned) {
        List<Pending> out = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            out.add(new Pending(p.record(), p.article(), assigned.documents().get(i)));
        }
        return out;
    }

    /** Entity names for facets, straight from what was indexed (saves a lookup in Elasticsearch later). */
    private void learnNames(EnrichedArticle article) {
        if (article.entities() == null) {
            return;
        }
        for (ArticleEntity e : article.entities()) {
            if (e != null && e.id() != null && e.name() != null) {
                directory.remember(e.id(), e.name());
            }
        }
    }

    /** Waits before the next attempt; false when the service is stopping. */
    private boolean pause(Duration delay) {
        try {
            return !stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Pending(ConsumerRecord<String, byte[]> record, EnrichedArticle article, ArticleDocument document) {
    }
}
