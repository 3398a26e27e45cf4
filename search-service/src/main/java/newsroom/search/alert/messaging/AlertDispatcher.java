package newsroom.search.alert.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.AlertMatch;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.service.WebhookSecrets;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.repository.AlertMatchStore.Attempt;
import newsroom.search.alert.repository.AlertMatchStore.Due;
import newsroom.support.messaging.Backoff;

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

    private final AlertMatchStore store;
    private final AlertConfig config;
    private final WebhookSender webhooks;
    private final WebhookSecrets secrets;
    /** news.alerts (channel alerts-out), keyed by subscription id; the outcome comes back as the ack or nack. */
    private final Emitter<byte[]> alerts;
    /** One poll at a time; a kick during a poll makes it run once more. */
    private final ExecutorService poller = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1), r -> daemon(r, "alert-outbox"), new ThreadPoolExecutor.DiscardPolicy());
    /** Outcomes not written yet: written together, a transaction for all that came in meanwhile. */
    private final Queue<Attempt> unrecorded = new ConcurrentLinkedQueue<>();
    /** Writes outcomes off the Kafka and HTTP client threads, one write at a time. */
    private final ExecutorService outcomes = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> daemon(r, "alert-delivery"));
    private final AtomicBoolean stopped = new AtomicBoolean();

    public AlertDispatcher(AlertMatchStore store, AlertConfig config, WebhookSender webhooks, WebhookSecrets secrets,
            @Channel("alerts-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<byte[]> alerts) {
        this.store = store;
        this.config = config;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.alerts = alerts;
    }

    /** Called after new matches were recorded: deliver without waiting for the next tick. */
    public void deliverNow(List<AlertMatch> fresh) {
        kick();
    }

    // Not before start-up is over: the alerts-out emitter is only connected then.
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
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

    /**
     * Hands the match to the alerts-out channel. The wait is bounded by the producer's {@code delivery.timeout.ms}
     * (application.properties), shorter than the claim lease; a full emitter buffer is a failed attempt, retried.
     */
    private void publish(Due d) {
        long start = System.nanoTime();
        Instant retryAt = backoff(d.attempts(), config.kafkaInitialBackoff(), config.kafkaMaxBackoff());
        Message<byte[]> message = Message.of(d.payload(),
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(d.subscriptionId()).build()),
                () -> {
                    record(d, null, null, start, null, false);
                    return CompletableFuture.completedFuture(null);
                },
                error -> {
                    record(d, null, String.valueOf(error), start, retryAt, false);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            alerts.send(message);
        } catch (RuntimeException e) {
            record(d, null, e.toString(), start, retryAt, false);
        }
    }

    private void callWebhook(Due d) {
        long start = System.nanoTime();
        Instant retryAt = backoff(d.attempts(), config.webhookInitialBackoff(), config.webhookMaxBackoff());
        if (d.webhookUrl() == null) {
            record(d, null, "the subscription no longer has a webhook", start, null, true);
            return;
        }
        String secret = null;
        if (d.webhookSecret() != null) {
            try {
                secret = secrets.decrypt(d.subscriptionId(), d.webhookSecret());
            } catch (IllegalStateException e) {
                // never sent unsigned, never signed with a secret kept in clear: given up with the reason
                record(d, null, "refused: " + e.getMessage(), start, null, true);
                return;
            }
        }
        // a refused URL is not tried again; any other failure is, after the backoff
        webhooks.send(d.webhookUrl(), d.matchId(), d.payload(), secret)
                .thenAcceptAsync(outcome -> record(d, outcome.status(), outcome.error(), start,
                        outcome.delivered() || outcome.refused() ? null : retryAt, true), outcomes);
    }

    private void record(Due d, Integer status, String error, long start, Instant retryAt, boolean limited) {
        boolean giveUp = error != null && limited && d.attempts() + 1 >= config.webhookMaxAttempts();
        unrecorded.add(new Attempt(d.matchId(), d.channel(), status, error, (System.nanoTime() - start) / 1_000_000,
                error == null || giveUp ? null : retryAt));
        outcomes.execute(this::writeOutcomes);
        if (error != null) {
            LOG.debugf("delivery %s/%s failed (attempt %d): %s", d.matchId(), d.channel(), d.attempts() + 1, error);
        }
    }

    /** Writes every outcome queued so far (those queued while it writes go with the next call). */
    private void writeOutcomes() {
        List<Attempt> batch = new ArrayList<>();
        for (Attempt a = unrecorded.poll(); a != null; a = unrecorded.poll()) {
            batch.add(a);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.recordAttempts(batch);
        } catch (RuntimeException e) {
            // The claim leases run out and the deliveries are tried again.
            LOG.warn("could not record " + batch.size() + " delivery attempts: " + e);
        }
    }

    /** When to try again after {@code attempts} failures: the shared exponential backoff with jitter. */
    static Instant backoff(int attempts, Duration initial, Duration max) {
        return Instant.now().plus(Backoff.delay(attempts, initial, max));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
