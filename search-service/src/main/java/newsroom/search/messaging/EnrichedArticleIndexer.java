package newsroom.search.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.events.Topics;
import newsroom.search.IndexedBatch;
import newsroom.search.config.SearchConfig;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.ArticleIndex.BulkOutcome;

/**
 * Consumes {@code news.articles.enriched} in batches: one bulk request per poll, offsets committed only after
 * Elasticsearch acknowledged every document of the batch (or the document went to the dead-letter topic).
 *
 * <p>When Elasticsearch (or Kafka, for the dead-letter topic) is unavailable, the partitions are paused and the batch
 * is retried with exponential backoff; nothing is skipped. Polling continues while paused so the consumer stays in
 * its group; if a rebalance happens meanwhile, the batch is dropped uncommitted and the positions go back to the
 * committed offsets, so whoever owns the partitions next reads it again. Documents are written by article id, so a
 * redelivery overwrites instead of duplicating.
 */
@ApplicationScoped
public class EnrichedArticleIndexer {
    private static final Logger LOG = Logger.getLogger(EnrichedArticleIndexer.class);

    public static final String HEADER_REASON = "dead-letter-reason";
    public static final String HEADER_CAUSE = "dead-letter-cause";
    public static final String HEADER_TOPIC = "dead-letter-topic";
    public static final String HEADER_PARTITION = "dead-letter-partition";
    public static final String HEADER_OFFSET = "dead-letter-offset";
    public static final String HEADER_GROUP = "dead-letter-consumer-group";

    private static final Duration ALIAS_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final SearchConfig config;
    private final ArticleIndex index;
    private final Event<IndexedBatch> indexed;
    private final String bootstrapServers;
    private final Counter indexedCounter;
    private final Counter deadLetteredCounter;
    private final Counter retriesCounter;
    private final Timer bulkTimer;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean rebalanced = new AtomicBoolean();
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile KafkaProducer<String, byte[]> deadLetters;
    private volatile String lastError;
    private volatile Instant lastSuccess;
    private volatile boolean aliasOnWriteIndex;
    private Instant nextAliasCheck = Instant.EPOCH;

    public EnrichedArticleIndexer(SearchConfig config, ArticleIndex index, Event<IndexedBatch> indexed,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry) {
        this.config = config;
        this.index = index;
        this.indexed = indexed;
        this.bootstrapServers = bootstrapServers;
        this.indexedCounter = Counter.builder("newsroom.search.indexed")
                .description("Articles Elasticsearch acknowledged").register(registry);
        this.deadLetteredCounter = Counter.builder("newsroom.search.dead.lettered")
                .description("Records sent to the dead-letter topic").register(registry);
        this.retriesCounter = Counter.builder("newsroom.search.index.retries")
                .description("Batches retried after Elasticsearch or Kafka failed").register(registry);
        this.bulkTimer = Timer.builder("newsroom.search.bulk").description("Bulk requests to Elasticsearch")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.indexer().enabled()) {
            LOG.info("indexer disabled (newsroom.search.indexer.enabled=false)");
            return;
        }
        running.set(true);
        thread = new Thread(this::run, "enriched-article-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    /** For readiness: {@code null} when the last attempt worked. */
    public String lastError() {
        return lastError;
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public boolean isRunning() {
        return running.get() && thread != null && thread.isAlive();
    }

    private void run() {
        Backoff backoff = new Backoff(config.indexer().initialBackoff(), config.indexer().maxBackoff());
        while (running.get()) {
            try {
                index.ensureExists();
                Set<String> targets = index.aliasTargets();
                // Only ever move the alias forward: an older instance still running must not take it back.
                aliasOnWriteIndex = targets.equals(Set.of(index.writeIndex()))
                        || targets.stream().anyMatch(t -> ArticleIndex.isNewerVersion(t, index.writeIndex()));
                lastError = null;
                break;
            } catch (Exception e) {
                lastError = "cannot prepare index " + index.writeIndex() + ": " + e.getMessage();
                LOG.warn(lastError);
                if (!sleep(backoff.next())) {
                    return;
                }
            }
        }
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties());
                KafkaProducer<String, byte[]> p = new KafkaProducer<>(producerProperties())) {
            consumer = c;
            deadLetters = p;
            c.subscribe(List.of(config.indexer().topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    rebalanced.set(true);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // nothing to do: positions come from the committed offsets
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    rebalanced.set(true);
                }
            });
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                rebalanced.set(false);
                if (!records.isEmpty()) {
                    processBatch(records);
                }
                maybeSwitchAlias();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                LOG.error("indexer woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            lastError = "indexer stopped: " + e;
            LOG.error("indexer stopped", e);
        } finally {
            consumer = null;
            deadLetters = null;
        }
    }

    private void processBatch(ConsumerRecords<String, byte[]> records) {
        List<Pending> toIndex = new ArrayList<>();
        List<DeadLetter> toDeadLetter = new ArrayList<>();
        Instant now = Instant.now();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EnrichedArticle article = EventJson.fromJson(record.value(), EnrichedArticle.class);
                if (article == null || article.id() == null || article.id().isBlank()) {
                    toDeadLetter.add(new DeadLetter(record, "article without an id", "IllegalArgumentException"));
                } else {
                    toIndex.add(new Pending(record, article, ArticleDocument.of(article, now)));
                }
            } catch (RuntimeException e) {
                toDeadLetter.add(new DeadLetter(record, "unreadable EnrichedArticle JSON: " + e.getMessage(),
                        e.getClass().getName()));
            }
        }
        List<EnrichedArticle> acknowledged = new ArrayList<>();
        Backoff backoff = new Backoff(config.indexer().initialBackoff(), config.indexer().maxBackoff());
        while (running.get()) {
            try {
                if (!toIndex.isEmpty()) {
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
                            toDeadLetter.add(new DeadLetter(pending.record(),
                                    "Elasticsearch rejected the document (" + failure.status() + "): " + failure.reason(),
                                    "ElasticsearchRejection"));
                        }
                    }
                    for (int i = 0; i < toIndex.size(); i++) {
                        if (!failed[i]) {
                            acknowledged.add(toIndex.get(i).article());
                        }
                    }
                    indexedCounter.increment(toIndex.size() - outcome.failures().size());
                    toIndex = retry;
                }
                while (!toDeadLetter.isEmpty()) {
                    sendToDeadLetterTopic(toDeadLetter.get(0));
                    toDeadLetter.remove(0);
                    deadLetteredCounter.increment();
                }
                if (toIndex.isEmpty()) {
                    break;
                }
                lastError = "Elasticsearch asked to retry " + toIndex.size() + " document(s)";
            } catch (Exception e) {
                lastError = "indexing a batch failed, will retry: " + e;
            }
            retriesCounter.increment();
            LOG.warn(lastError);
            if (!waitKeepingMembership(backoff.next())) {
                return;
            }
        }
        if (!running.get()) {
            return;
        }
        try {
            if (!acknowledged.isEmpty()) {
                indexed.fire(new IndexedBatch(acknowledged));
            }
        } catch (RuntimeException e) {
            lastError = "an observer of the indexed batch failed, the batch will come again: " + e;
            LOG.error(lastError, e);
            waitKeepingMembership(backoff.next());
            rewindToCommitted(consumer.assignment());
            return;
        }
        commit(records);
    }

    private void commit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> list = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
            lastError = null;
            lastSuccess = Instant.now();
        } catch (CommitFailedException e) {
            // A rebalance took the partitions: whoever has them now reads the batch again (idempotent by id).
            LOG.warn("offsets not committed after a rebalance; the batch will be read again", e);
            rewindToCommitted(consumer.assignment());
        }
    }

    /** Waits with every partition paused, still polling so the group keeps us; false if stopping or rebalanced. */
    private boolean waitKeepingMembership(Duration delay) {
        KafkaConsumer<String, byte[]> c = consumer;
        Set<TopicPartition> assigned = c.assignment();
        c.pause(assigned);
        try {
            long deadline = System.nanoTime() + delay.toNanos();
            while (running.get() && System.nanoTime() < deadline) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                ConsumerRecords<String, byte[]> unexpected = c.poll(Duration.ofMillis(Math.min(left, 1000)));
                if (!unexpected.isEmpty() || rebalanced.get()) {
                    // New partitions arrived unpaused, or ours were taken: start over from the committed offsets.
                    rewindToCommitted(c.assignment());
                    rebalanced.set(false);
                    c.resume(c.assignment());
                    return false;
                }
            }
        } finally {
            c.resume(c.assignment());
        }
        return running.get();
    }

    private void rewindToCommitted(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    private void sendToDeadLetterTopic(DeadLetter letter) throws InterruptedException, ExecutionException,
            TimeoutException {
        ConsumerRecord<String, byte[]> record = letter.record();
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.deadLetter(record.topic()), null,
                record.key(), record.value());
        for (Header h : record.headers()) {
            out.headers().add(h);
        }
        String reason = letter.reason().length() > 1000 ? letter.reason().substring(0, 1000) : letter.reason();
        out.headers().add(HEADER_REASON, utf8(reason));
        out.headers().add(HEADER_CAUSE, utf8(letter.cause()));
        out.headers().add(HEADER_TOPIC, utf8(record.topic()));
        out.headers().add(HEADER_PARTITION, utf8(Integer.toString(record.partition())));
        out.headers().add(HEADER_OFFSET, utf8(Long.toString(record.offset())));
        out.headers().add(HEADER_GROUP, utf8(config.indexer().groupId()));
        deadLetters.send(out).get(30, TimeUnit.SECONDS);
        LOG.warnf("record %s-%d@%d sent to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), reason);
    }

    /** Moves the alias to a new index version once this consumer has read everything (see README.md). */
    private void maybeSwitchAlias() {
        if (aliasOnWriteIndex || !config.index().switchAliasWhenCaughtUp()
                || Instant.now().isBefore(nextAliasCheck)) {
            return;
        }
        nextAliasCheck = Instant.now().plus(ALIAS_CHECK_INTERVAL);
        try {
            Set<TopicPartition> assigned = consumer.assignment();
            if (assigned.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            for (TopicPartition partition : assigned) {
                if (consumer.position(partition) < ends.getOrDefault(partition, 0L)) {
                    return;
                }
            }
            index.switchAliasToWriteIndex();
            aliasOnWriteIndex = true;
        } catch (IOException | ElasticsearchException | KafkaException e) {
            LOG.warn("could not check or switch the alias: " + e);
        }
    }

    private boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis()); // backoff before the consumer exists; nothing to poll yet
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.indexer().groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.indexer().clientId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.indexer().maxPollRecords());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.indexer().clientId() + "-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    private record Pending(ConsumerRecord<String, byte[]> record, EnrichedArticle article, ArticleDocument document) {
    }

    private record DeadLetter(ConsumerRecord<String, byte[]> record, String reason, String cause) {
    }
}
