package newsroom.search.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.config.SearchConfig;

/**
 * Sends one poison record to {@code news.articles.enriched.dlq} (channel {@code enriched-articles-dlq}) with the
 * connector's dead-letter header names, and waits until Kafka acknowledged it. The connector's own
 * {@code failure-strategy=dead-letter-queue} cannot be used: with batch consumption it would dead-letter the whole
 * batch, while only the unreadable or rejected records must go.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    public static final String HEADER_REASON = "dead-letter-reason";
    public static final String HEADER_CAUSE = "dead-letter-cause";
    public static final String HEADER_TOPIC = "dead-letter-topic";
    public static final String HEADER_PARTITION = "dead-letter-partition";
    public static final String HEADER_OFFSET = "dead-letter-offset";
    public static final String HEADER_GROUP = "dead-letter-consumer-group";
    static final int MAX_REASON = 1000;

    private final Emitter<byte[]> emitter;
    private final String groupId;
    private final Counter counter;

    public DeadLetters(@Channel("enriched-articles-dlq") Emitter<byte[]> emitter, SearchConfig config,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.groupId = config.indexer().groupId();
        this.counter = Counter.builder("newsroom.search.dead.lettered")
                .description("Records sent to the dead-letter topic").register(registry);
    }

    /** A record that cannot be indexed, and why. */
    public record Letter(ConsumerRecord<String, byte[]> record, String reason, String cause) {
    }

    /**
     * Blocks until Kafka acknowledged the record. The producer retries by itself up to its delivery timeout; the
     * wait is longer, so a send is never repeated while the first one may still succeed (no twin in the topic).
     */
    public void send(Letter letter) throws InterruptedException, ExecutionException, TimeoutException {
        ConsumerRecord<String, byte[]> record = letter.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        String reason = letter.reason().length() > MAX_REASON ? letter.reason().substring(0, MAX_REASON)
                : letter.reason();
        headers.add(HEADER_REASON, reason.getBytes(UTF_8));
        headers.add(HEADER_CAUSE, letter.cause().getBytes(UTF_8));
        headers.add(HEADER_TOPIC, record.topic().getBytes(UTF_8));
        headers.add(HEADER_PARTITION, Integer.toString(record.partition()).getBytes(UTF_8));
        headers.add(HEADER_OFFSET, Long.toString(record.offset()).getBytes(UTF_8));
        headers.add(HEADER_GROUP, groupId.getBytes(UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<byte[]> message = Message.of(record.value(), Metadata.of(metadata), () -> {
            acknowledged.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acknowledged.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        });
        emitter.send(message);
        acknowledged.get(3, TimeUnit.MINUTES);
        counter.increment();
        LOG.warnf("record %s-%d@%d sent to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), reason);
    }
}
