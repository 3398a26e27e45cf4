package newsroom.search.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import newsroom.events.EntityChange;
import newsroom.events.EventJson;
import newsroom.events.Topics;
import newsroom.search.service.EntityMerges;

/**
 * Reads the knowledge base's change log ({@code news.entities.changes}) from the beginning, without a consumer
 * group: every instance needs every merge, and the log (keyed by absorbed id) is the state.
 */
@ApplicationScoped
public class EntityChangeListener {
    private static final Logger LOG = Logger.getLogger(EntityChangeListener.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final EntityMerges merges;
    private final String bootstrapServers;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public EntityChangeListener(EntityMerges merges,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.merges = merges;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "entity-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties())) {
                consumer = c;
                List<TopicPartition> partitions = awaitPartitions(c);
                c.assign(partitions);
                c.seekToBeginning(partitions);
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
                        apply(record);
                    }
                    if (c.assignment().size() < c.partitionsFor(Topics.ENTITY_CHANGES).size()) {
                        break; // the topic grew: assign the new partitions from their beginning
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("entity change listener: %s; retrying", e.getMessage());
                pause();
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> c) {
        while (running) {
            // Asking for the topic's partitions creates it on brokers that auto-create topics.
            List<TopicPartition> partitions = c.partitionsFor(Topics.ENTITY_CHANGES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            pause();
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            EntityChange change = EventJson.fromJson(record.value(), EntityChange.class);
            if (change.kind() == EntityChange.Kind.MERGED) {
                merges.merged(change.entityId(), change.mergedInto());
                LOG.debugf("entity %s merged into %s", change.entityId(), change.mergedInto());
            }
        } catch (RuntimeException e) {
            LOG.warnf("skipping unreadable entity change at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-service-entity-changes");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
