package newsroom.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import newsroom.events.RawArticle;
import newsroom.ingest.config.IngestConfig;

/**
 * Publishes the outbox to Kafka and marks rows sent. Runs on one thread of its own, woken right after an article
 * commits (fast path) and by a periodic sweep (anything left after a crash or while Kafka was away).
 *
 * <p>A plain {@link KafkaProducer} rather than a SmallRye emitter: the relay needs to know, per round, which rows
 * the broker acknowledged before marking them, to bound how long it blocks when the broker is down, and to start
 * over with a fresh producer after an outage — all direct with the client. Idempotent, {@code acks=all}.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances can relay side by side.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final IngestConfig config;
    private final String bootstrapServers;
    private final EntityManager em;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Timer lag;
    private volatile boolean failing;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            EntityManager em, MeterRegistry meters) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.em = em;
        this.lag = Timer.builder("ingest.outbox.relay.lag")
                .description("Time from an article's acceptance to the broker's acknowledgement of its event")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        Gauge.builder("ingest.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published, as of the last sweep").register(meters);
    }

    /** Asks for a relay round soon; cheap, coalesces calls that arrive while one is queued. */
    public void wake() {
        if (config.outbox().enabled() && queued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(every = "${newsroom.ingest.outbox.sweep-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!config.outbox().enabled()) {
            return;
        }
        try {
            pending.set(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from {h-schema}outbox where sent_at is null").getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("outbox count failed: %s", e.getMessage());
        }
        wake();
    }

    private void drain() {
        queued.set(false);
        try {
            int batch = config.outbox().batchSize();
            int sent;
            do {
                sent = relayOnce(batch);
                if (sent < 0) {
                    // what was acknowledged is committed; the rest waits for the next sweep
                    throw new IllegalStateException("the broker did not acknowledge every record");
                }
            } while (sent == batch);
            if (failing) {
                LOG.info("outbox relay: publishing again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("outbox relay: cannot publish now, rows stay in the outbox until the next sweep (%s)", e.toString());
                failing = true;
            }
            closeProducer();
        }
    }

    /**
     * Publishes up to {@code limit} unsent rows in one transaction and marks the acknowledged ones sent;
     * returns how many were acknowledged, or -1 when some were not (they stay unsent).
     */
    int relayOnce(int limit) {
        Duration timeout = config.outbox().sendTimeout();
        return QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds() + 30).call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, article_id, topic, payload, created_at from {h-schema}outbox"
                    + " where sent_at is null order by id limit :n for update skip locked")
                    .setParameter("n", limit).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            KafkaProducer<String, byte[]> kafka = producer();
            List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
            RuntimeException sendFailure = null;
            for (Object[] row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row[2], (String) row[1],
                        ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                record.headers().add("schemaVersion",
                        Integer.toString(RawArticle.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
                try {
                    futures.add(kafka.send(record));
                } catch (RuntimeException e) { // e.g. no metadata within max.block.ms: the broker is away
                    sendFailure = e;
                    break;
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<Long> acknowledged = new ArrayList<>();
            String error = sendFailure == null ? null : sendFailure.toString();
            Instant now = Instant.now();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    Object[] row = rows.get(i);
                    acknowledged.add(((Number) row[0]).longValue());
                    lag.record(Duration.between(createdAt(row[4]), now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = e.toString();
                    break;
                } catch (Exception e) {
                    error = e.toString();
                }
            }
            if (!acknowledged.isEmpty()) {
                em.createNativeQuery("update {h-schema}outbox set sent_at = now(), attempts = attempts + 1,"
                        + " last_error = null where id in (:ids)").setParameter("ids", acknowledged).executeUpdate();
            }
            if (error != null) {
                List<Long> failed = new ArrayList<>();
                for (Object[] row : rows) {
                    long id = ((Number) row[0]).longValue();
                    if (!acknowledged.contains(id)) {
                        failed.add(id);
                    }
                }
                em.createNativeQuery("update {h-schema}outbox set attempts = attempts + 1, last_error = :error"
                        + " where id in (:ids)").setParameter("error", error).setParameter("ids", failed).executeUpdate();
                LOG.debugf("outbox relay: %d of %d rows not acknowledged: %s", failed.size(), rows.size(), error);
            }
            return error == null ? acknowledged.size() : -1;
        });
    }

    private static Instant createdAt(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.now();
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-outbox-relay");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // bounded waits: with the broker away, a round gives up quickly and the rows wait for the next sweep
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.outbox().sendTimeout().toMillis());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }
}
