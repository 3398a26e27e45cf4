package newsroom.nlp.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.nlp.config.NlpConfig;
import newsroom.nlp.service.ArticleEnricher;

/**
 * Consumes {@code news.articles.raw}, enriches each article and publishes it to {@code news.articles.enriched}.
 *
 * <p>A plain consumer loop rather than a Reactive Messaging channel: it extracts the records of one poll on a pool of
 * worker threads (extraction is CPU-bound and the CoreNLP stage is slow), waits until every publish of that poll is
 * acknowledged by the broker, and only then commits the poll's offsets — at-least-once with parallelism and no
 * out-of-order commit bookkeeping. A record that cannot be processed (bad JSON, missing fields, extractor failure)
 * goes to {@code news.articles.raw.dlq} with the reason in headers and the loop goes on. If publishing fails (broker
 * unavailable), the poll is re-read from its first offsets after a back-off: nothing is committed that was not
 * published.
 */
@ApplicationScoped
public class RawArticleConsumer {
    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    public static final String HEADER_REASON = "dead-letter-reason";
    public static final String HEADER_CAUSE = "dead-letter-cause";
    public static final String HEADER_TOPIC = "dead-letter-topic";
    public static final String HEADER_PARTITION = "dead-letter-partition";
    public static final String HEADER_OFFSET = "dead-letter-offset";
    public static final String HEADER_GROUP = "dead-letter-consumer-group";

    private final ArticleEnricher enricher;
    private final NlpConfig.Consumer config;
    private final String bootstrapServers;
    private final Counter enriched;
    private final Counter deadLettered;

    private volatile boolean running;
    private volatile Instant lastPoll;
    private volatile Thread loop;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private ExecutorService workers;

    public RawArticleConsumer(ArticleEnricher enricher, NlpConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.enricher = enricher;
        this.config = config.consumer();
        this.bootstrapServers = bootstrapServers;
        this.enriched = Counter.builder("newsroom.nlp.articles").tag("outcome", "enriched").register(registry);
        this.deadLettered = Counter.builder("newsroom.nlp.articles").tag("outcome", "dead_lettered").register(registry);
    }

    /** Starts after the knowledge base is loaded (its observer has the default, earlier priority). */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Raw article consumer disabled (newsroom.nlp.consumer.enabled=false)");
            return;
        }
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, config.workers()), r -> {
            Thread t = new Thread(r, "nlp-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        loop = new Thread(this::run, "nlp-raw-consumer");
        loop.start();
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            loop.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }

    public boolean isRunning() {
        return running && loop != null && loop.isAlive();
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = c;
                c.subscribe(List.of(config.topic()));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    lastPoll = Instant.now();
                    if (records.isEmpty()) {
                        continue;
                    }
                    if (processBatch(records)) {
                        c.commitSync(nextOffsets(records));
                    } else {
                        rewind(c, records);
                        pause(config.retryBackoff());
                    }
                }
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("Consumer woken up unexpectedly; reconnecting");
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Consumer loop failed; reconnecting after %s", config.retryBackoff());
                pause(config.retryBackoff());
            } finally {
                consumer = null;
            }
        }
    }

    /** @return true when every record of the batch was published (enriched or dead-lettered) and acknowledged */
    boolean processBatch(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        List<CompletableFuture<Future<RecordMetadata>>> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(record);
            pending.add(CompletableFuture.supplyAsync(() -> handle(record), workers));
        }
        boolean ok = true;
        for (int i = 0; i < pending.size(); i++) {
            try {
                awaitPublish(batch.get(i), pending.get(i).get());
            } catch (ExecutionException e) {
                ok = false;
                LOG.warnf("Publish failed, the batch will be re-read: %s", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return ok;
    }

    /** Waits for one publish; a record the broker can never take (too large) is dead-lettered instead of retried. */
    private void awaitPublish(ConsumerRecord<String, byte[]> record, Future<RecordMetadata> publish)
            throws ExecutionException, InterruptedException {
        try {
            publish.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException || e.getCause() instanceof InvalidRecordException) {
                deadLetter(record, new IllegalArgumentException(
                        "enriched article cannot be published: " + e.getCause().getMessage(), e.getCause())).get();
            } else {
                throw e;
            }
        }
    }

    /** Enriches and publishes one record, or dead-letters it; returns the pending publish. */
    Future<RecordMetadata> handle(ConsumerRecord<String, byte[]> record) {
        EnrichedArticle article;
        try {
            article = enricher.enrich(parse(record));
        } catch (RuntimeException | StackOverflowError e) {
            return deadLetter(record, e);
        }
        return producer.send(new ProducerRecord<>(config.outputTopic(), article.id(), EventJson.toBytes(article)),
                (metadata, error) -> {
                    if (error == null) {
                        enriched.increment();
                    }
                });
    }

    static RawArticle parse(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            throw new IllegalArgumentException("empty record value");
        }
        RawArticle raw;
        try {
            raw = EventJson.fromJson(record.value(), RawArticle.class);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("not a RawArticle JSON: " + message, e);
        }
        if (raw == null || raw.id() == null || raw.id().isBlank()) {
            throw new IllegalArgumentException("RawArticle without id");
        }
        if (raw.body() == null && raw.title() == null) {
            throw new IllegalArgumentException("RawArticle " + raw.id() + " has neither title nor body");
        }
        return raw;
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {
        String reason = error.getMessage() == null ? error.toString() : error.getMessage();
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(),
                record.value());
        for (Header h : record.headers()) {
            out.headers().add(h);
        }
        out.headers().add(HEADER_REASON, utf8(reason.length() > 1000 ? reason.substring(0, 1000) : reason));
        out.headers().add(HEADER_CAUSE, utf8(error.getClass().getName()));
        out.headers().add(HEADER_TOPIC, utf8(record.topic()));
        out.headers().add(HEADER_PARTITION, utf8(Integer.toString(record.partition())));
        out.headers().add(HEADER_OFFSET, utf8(Long.toString(record.offset())));
        out.headers().add(HEADER_GROUP, utf8(config.groupId()));
        return producer.send(out, (metadata, e) -> {
            if (e == null) {
                deadLettered.increment();
            }
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> rs = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static void rewind(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            c.seek(tp, records.records(tp).get(0).offset());
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.maxPollRecords()));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.clientId().orElse("nlp-service-consumer"));
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId().map(id -> id + "-producer").orElse("nlp-service-producer"));
        return p;
    }
}
