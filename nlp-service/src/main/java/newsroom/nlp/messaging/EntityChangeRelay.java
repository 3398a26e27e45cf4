package newsroom.nlp.messaging;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

import newsroom.events.Topics;
import newsroom.support.messaging.OutboxRelay;
import newsroom.support.messaging.OutboxSettings;
import newsroom.support.messaging.OutboxTable;

/**
 * Publishes the knowledge-base changes recorded in {@code nlp.entity_changes} (same transaction as the change) to
 * {@code news.entities.changes} through the {@code entity-changes-out} channel, with the shared {@link OutboxRelay}:
 * a row is marked sent once the broker acknowledged it, a row the broker can never take is parked with the reason,
 * and a failing row waits for its next attempt without holding up the rows behind it. Rows are claimed with
 * {@code skip locked}, so several instances relay side by side (at-least-once overall).
 */
@ApplicationScoped
public class EntityChangeRelay {
    static final OutboxTable TABLE = new OutboxTable("nlp.entity_changes", "seq", "entity_id", "payload", "created_at",
            Topics.ENTITY_CHANGES, Map.of());
    /** 200 per round; 50 transient failures (1 s doubling to 5 min) before a row is parked; rounds wait 30 s at most. */
    static final OutboxSettings SETTINGS = new OutboxSettings(200, 50, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofSeconds(30));

    private final OutboxRelay relay;

    public EntityChangeRelay(EntityManager em, MeterRegistry meters,
            @Channel("entity-changes-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter) {
        this.relay = new OutboxRelay(TABLE, SETTINGS, emitter, em, meters);
    }

    /** Every second: changes reach every instance (and the search-service) within about a second. */
    @Scheduled(every = "1s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // the channel is wired during startup
    void sweep() {
        relay.sweep();
    }

    /** On SIGTERM: stop claiming, give the round in flight 10 s for its answers; unsent rows go on the next start. */
    void stop(@Observes ShutdownEvent event) {
        relay.stop(Duration.ofSeconds(10));
    }

    /** The shared relay: counts of waiting and parked rows, and the operator's re-queue. */
    public OutboxRelay outbox() {
        return relay;
    }
}
