package newsroom.search.alert.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.AlertMatch;
import newsroom.events.EventJson;
import newsroom.events.Topics;
import newsroom.search.alert.config.AlertConfig;

/**
 * Feeds the SSE stream from {@code news.alerts}, read from its end by every instance (no consumer group), so a client
 * connected to any instance sees every match whichever instance matched it. Live only: no replay on connect.
 */
@ApplicationScoped
public class AlertStreamRelay {
    private static final Logger LOG = Logger.getLogger(AlertStreamRelay.class);

    private final AlertConfig config;
    private final String bootstrapServers;
    private final BroadcastProcessor<AlertMatch> broadcast = BroadcastProcessor.create();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean ready;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public AlertStreamRelay(AlertConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** Each client gets its own bounded buffer: a client 1,024 events behind is disconnected, never stalls the relay. */
    public Multi<AlertMatch> stream() {
        return broadcast.onOverflow().buffer(1024);
    }

    /** True once the relay reads the topic's end (matches published from then on reach the stream). */
    public boolean isReady() {
        return ready;
    }

    void start(@Observes StartupEvent event) {
        if (!config.streamEnabled()) {
            return;
        }
        running.set(true);
        thread = new Thread(this::run, "alert-stream-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000); // the topic does not exist yet: nothing to poll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void run() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-service-alert-stream");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
                consumer = c;
                List<PartitionInfo> partitions = List.of();
                while (running.get() && partitions.isEmpty()) {
                    // The topic appears with the first published alert (the broker creates it on first use).
                    partitions = c.partitionsFor(Topics.ALERTS, Duration.ofSeconds(5));
                    if (partitions == null || partitions.isEmpty()) {
                        partitions = List.of();
                        pause();
                    }
                }
                List<TopicPartition> assigned = partitions.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                c.assign(assigned);
                c.seekToEnd(assigned);
                assigned.forEach(c::position);
                ready = true;
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                        try {
                            broadcast.onNext(EventJson.fromJson(r.value(), AlertMatch.class));
                        } catch (RuntimeException e) {
                            LOG.warn("unreadable alert on " + Topics.ALERTS + ": " + e);
                        }
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                ready = false;
                LOG.warn("alert stream relay failed, reconnecting: " + e);
            } finally {
                consumer = null;
            }
        }
    }
}
