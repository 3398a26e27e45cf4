package newsroom.search.alert.messaging;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.events.AlertMatch;
import newsroom.events.EventJson;
import newsroom.search.alert.config.AlertConfig;

/**
 * Feeds the SSE stream from {@code news.alerts} ({@code alert-stream}), read from its end by every instance (a
 * consumer group of its own per instance, nothing committed), so a client connected to any instance sees every match
 * whichever instance matched it. Live only: no replay on connect. At most {@code newsroom.alerts.stream-max-clients}
 * clients at once, each with its own bounded buffer.
 */
@ApplicationScoped
public class AlertStreamRelay {
    private final AlertConfig config;
    private final BroadcastProcessor<AlertMatch> broadcast = BroadcastProcessor.create();
    private final AtomicInteger clients = new AtomicInteger();
    private volatile boolean ready;

    public AlertStreamRelay(AlertConfig config, MeterRegistry registry) {
        this.config = config;
        Gauge.builder("newsroom.alerts.stream.clients", clients, AtomicInteger::get)
                .description("Server-sent-event clients connected to this instance").register(registry);
    }

    /** An unreadable record throws: the channel dead-letters it to {@code news.alerts.dlq} with the reason. */
    @Incoming("alert-stream")
    public void relay(byte[] value) {
        broadcast.onNext(EventJson.fromJson(value, AlertMatch.class));
    }

    /**
     * A new client's stream, or null when this instance already serves as many as it may. A client
     * {@code stream-client-buffer} matches behind is disconnected, so it never stalls the relay or the others.
     */
    public Multi<AlertMatch> connect() {
        if (clients.incrementAndGet() > config.streamMaxClients()) {
            clients.decrementAndGet();
            return null;
        }
        return broadcast.onOverflow().buffer(config.streamClientBuffer())
                .onTermination().invoke(clients::decrementAndGet);
    }

    public int clients() {
        return clients.get();
    }

    /** True once the relay reads the topic's end (matches published from then on reach the stream). */
    public boolean isReady() {
        return ready;
    }

    void ready(boolean ready) {
        this.ready = ready; // through a method: the listener holds a client proxy, not this instance
    }

    /** Marks the relay ready once its partitions are positioned at their end. */
    @ApplicationScoped
    @Identifier("alert-stream-rebalance")
    static class Positions implements KafkaConsumerRebalanceListener {
        private final AlertStreamRelay relay;

        Positions(AlertStreamRelay relay) {
            this.relay = relay;
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            partitions.forEach(consumer::position); // resolves auto.offset.reset=latest now, not at the first fetch
            relay.ready(!partitions.isEmpty() || !consumer.assignment().isEmpty());
        }

        @Override
        public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            relay.ready(false);
        }
    }
}
