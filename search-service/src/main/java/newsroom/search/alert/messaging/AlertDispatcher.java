package newsroom.search.alert.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.AlertMatch;
import newsroom.events.EventJson;
import newsroom.events.Topics;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.repository.AlertMatchStore.Due;

/**
 * Delivers matches from the outbox ({@code alert_delivery}): to {@code news.alerts} (which also feeds the SSE stream)
 * and to webhooks. Polled every second and kicked right after a batch produced new matches; every send is
 * asynchronous and bounded by a timeout, so a dead webhook only delays its own retries, never matching or other
 * deliveries.
 */
@ApplicationScoped
public class AlertDispatcher {
    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    public static final String SIGNATURE_HEADER = WebhookSender.SIGNATURE_HEADER;
    private static final Duration KAFKA_MAX_BACKOFF = Duration.ofMinutes(1);

    private final AlertMatchStore store;
    private final AlertConfig config;
    private final WebhookSender webhooks;
    private final String bootstrapServers;
    /** One poll at a time; a kick during a poll makes it run once more. */
    private final ExecutorService poller = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1), r -> daemon(r, "alert-outbox"), new ThreadPoolExecutor.DiscardPolicy());
    /** Records outcomes off the Kafka and HTTP client threads. */
    private final ExecutorService outcomes = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> daemon(r, "alert-delivery"));
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile KafkaProducer<String, byte[]> producer;

    public AlertDispatcher(AlertMatchStore store, AlertConfig config, WebhookSender webhooks,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.store = store;
        this.config = config;
        this.webhooks = webhooks;
        this.bootstrapServers = bootstrapServers;
    }

    /** Called after new matches were recorded: deliver without waiting for the next tick. */
    public void deliverNow(List<AlertMatch> fresh) {
        kick();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        kick();
    }

    private void kick() {
        if (!stopped.get()) {
            poller.execute(this::deliverDue);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped.set(true);
        poller.shutdown();
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    private void deliverDue() {
        try {
            List<Due> due;
            do {
                due = store.claimDue(config.deliveryBatch(), config.webhookTimeout().plusSeconds(30));
                for (Due d : due) {
                    if (AlertMatchStore.KAFKA.equals(d.channel())) {
                        publish(d);
                    } else {
                        callWebhook(d);
                    }
                }
            } while (due.size() == config.deliveryBatch() && !stopped.get());
        } catch (RuntimeException e) {
            LOG.warn("alert delivery poll failed, will try again: " + e);
        }
    }

    private void publish(Due d) {
        long start = System.nanoTime();
        byte[] body = EventJson.toBytes(d.match());
        try {
            producer().send(new ProducerRecord<>(Topics.ALERTS, d.match().subscriptionId(), body), (meta, error) ->
                    outcomes.execute(() -> record(d, null, error == null ? null : error.toString(), start,
                            backoff(d.attempts(), Duration.ofMillis(500), KAFKA_MAX_BACKOFF), false)));
        } catch (RuntimeException e) {
            record(d, null, e.toString(), start, backoff(d.attempts(), Duration.ofMillis(500), KAFKA_MAX_BACKOFF),
                    false);
        }
    }

    private void callWebhook(Due d) {
        long start = System.nanoTime();
        Instant retryAt = backoff(d.attempts(), config.webhookInitialBackoff(), config.webhookMaxBackoff());
        if (d.webhookUrl() == null) {
            record(d, null, "the subscription no longer has a webhook", start, null, true);
            return;
        }
        // a refused URL is not tried again; any other failure is, after the backoff
        webhooks.send(d.webhookUrl(), d.matchId(), EventJson.toBytes(d.match()), d.webhookSecret())
                .thenAcceptAsync(outcome -> record(d, outcome.status(), outcome.error(), start,
                        outcome.delivered() || outcome.refused() ? null : retryAt, true), outcomes);
    }

    private void record(Due d, Integer status, String error, long start, Instant retryAt, boolean limited) {
        boolean giveUp = error != null && limited && d.attempts() + 1 >= config.webhookMaxAttempts();
        try {
            store.recordAttempt(d.matchId(), d.channel(), status, error, (System.nanoTime() - start) / 1_000_000,
                    error == null || giveUp ? null : retryAt);
        } catch (RuntimeException e) {
            // The claim lease runs out and the delivery is tried again.
            LOG.warn("could not record a delivery attempt for " + d.matchId() + ": " + e);
        }
        if (error != null) {
            LOG.debugf("delivery %s/%s failed (attempt %d): %s", d.matchId(), d.channel(), d.attempts() + 1, error);
        }
    }

    /** Exponential backoff with jitter: initial * 2^attempts, capped, then +-20 %. */
    static Instant backoff(int attempts, Duration initial, Duration max) {
        long ms = initial.toMillis() << Math.min(attempts, 30);
        if (ms <= 0 || ms > max.toMillis()) {
            ms = max.toMillis();
        }
        long jitter = (long) (ms * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Instant.now().plusMillis(Math.max(1, ms + jitter));
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "search-service-alerts");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
