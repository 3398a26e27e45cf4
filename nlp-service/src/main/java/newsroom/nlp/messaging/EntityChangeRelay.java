package newsroom.nlp.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import newsroom.events.Topics;

/**
 * Publishes the knowledge-base changes recorded in {@code nlp.entity_changes} (same transaction as the change) to
 * {@code news.entities.changes}, marking rows sent once the broker acknowledged them. Rows are locked with
 * {@code skip locked}, so several instances relay without sending a row twice in parallel (at-least-once overall).
 */
@ApplicationScoped
public class EntityChangeRelay {
    private static final Logger LOG = Logger.getLogger(EntityChangeRelay.class);

    private final String bootstrapServers;
    private volatile KafkaProducer<String, byte[]> producer;

    public EntityChangeRelay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(every = "1s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (relayBatch() > 0) {
                // drain what is pending
            }
        } catch (RuntimeException e) {
            LOG.warnf("Entity change relay failed, will retry: %s", e.getMessage());
        }
    }

    /** @return the number of changes published */
    @Transactional
    public int relayBatch() {
        var em = Panache.getEntityManager();
        List<?> rows = em.createNativeQuery("select seq, entity_id, payload from entity_changes where sent_at is null "
                + "order by seq limit 200 for update skip locked").getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (Object row : rows) {
            Object[] cols = (Object[]) row;
            seqs.add(((Number) cols[0]).longValue());
            sends.add(p.send(new ProducerRecord<>(Topics.ENTITY_CHANGES, (String) cols[1],
                    ((String) cols[2]).getBytes(StandardCharsets.UTF_8))));
        }
        for (Future<RecordMetadata> f : sends) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("publish to " + Topics.ENTITY_CHANGES + " failed", e);
            }
        }
        em.createNativeQuery("update entity_changes set sent_at = now() where seq in (:seqs)")
                .setParameter("seqs", seqs).executeUpdate();
        return rows.size();
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "nlp-service-entity-changes");
                    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    void onStop(@Observes ShutdownEvent event) {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
