package newsroom.ingest.messaging;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.ingest.config.IngestConfig;
import newsroom.support.messaging.OutboxSettings;
import newsroom.support.messaging.OutboxTable;

/**
 * Publishes {@code ingest.outbox} to {@code news.articles.raw} through the {@code raw-articles-out} channel (see
 * application.properties), with the shared {@link newsroom.support.messaging.OutboxRelay}: woken right after an
 * article commits (fast path) and by a periodic sweep (what is left after a crash or while Kafka was away).
 */
@ApplicationScoped
public class OutboxRelay {
    static final OutboxTable TABLE = new OutboxTable("ingest.outbox", "id", "article_id", "payload", "created_at",
            Topics.RAW_ARTICLES, Map.of("schemaVersion", Integer.toString(RawArticle.SCHEMA_VERSION)));

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final IngestConfig config;
    private final newsroom.support.messaging.OutboxRelay relay;

    public OutboxRelay(IngestConfig config, EntityManager em, MeterRegistry meters,
            @Channel("raw-articles-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter) {
        this.config = config;
        IngestConfig.Outbox outbox = config.outbox();
        Timer lag = Timer.builder("ingest.outbox.relay.lag")
                .description("Time from an article's acceptance to the broker's acknowledgement of its event")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.relay = new newsroom.support.messaging.OutboxRelay(TABLE, new OutboxSettings(outbox.batchSize(),
                outbox.maxAttempts(), outbox.retryInitial(), outbox.retryMax(), outbox.roundTimeout()), emitter, em,
                meters).onPublished(lag::record);
    }

    /** Asks for a relay round soon; cheap, merges calls that arrive while one is queued. */
    public void wake() {
        if (config.outbox().enabled()) {
            relay.wake();
        }
    }

    // not before the application runs: the emitter's channel is wired during startup
    @Scheduled(every = "${newsroom.ingest.outbox.sweep-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (config.outbox().enabled()) {
            relay.sweep();
        }
    }

    /**
     * On SIGTERM, after the HTTP layer drained its requests ({@code quarkus.shutdown.timeout}) and before the
     * connector closes its producer (when the application scope is destroyed): stop claiming and give the round in
     * flight up to 10 s to get its answers and commit. 20 s + 10 s fits a 30 s termination grace period. Rows not
     * marked sent stay in the outbox and go out on the next start.
     */
    void stop(@Observes ShutdownEvent event) {
        relay.stop(SHUTDOWN_GRACE);
    }

    /** The shared relay, for readiness and the operator endpoint. */
    public newsroom.support.messaging.OutboxRelay relay() {
        return relay;
    }
}
