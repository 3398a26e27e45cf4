package newsroom.nlp.health;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsroom.nlp.config.NlpConfig;
import newsroom.nlp.messaging.PipelineProgress;

/**
 * DOWN when records wait for the nlp-service (the group's lag on its partitions, or articles in flight) and no
 * article was started or finished for {@code newsroom.nlp.consumer.stall-after}, through consecutive probes: a
 * consumer that is stuck, not one that is idle or merely slow. An orchestrator restarts the process; the records are
 * read again from the last committed offsets.
 */
@Liveness
@ApplicationScoped
public class ConsumerProgressLiveness implements HealthCheck {

    static final String CHANNEL = "raw-articles";
    private static final Duration LAG_TIMEOUT = Duration.ofSeconds(3);

    private final PipelineProgress progress;
    private final KafkaClientService kafka;
    private final Duration stallAfter;
    /** When a probe first saw records waiting, or 0 when the last probe saw none. */
    private volatile long waitingSinceNanos;

    @Inject
    public ConsumerProgressLiveness(PipelineProgress progress, KafkaClientService kafka, NlpConfig config) {
        this(progress, kafka, config.consumer().stallAfter());
    }

    ConsumerProgressLiveness(PipelineProgress progress, KafkaClientService kafka, Duration stallAfter) {
        this.progress = progress;
        this.kafka = kafka;
        this.stallAfter = stallAfter;
    }

    @Override
    public HealthCheckResponse call() {
        long lag = lag();
        long inFlight = progress.inFlight();
        boolean waiting = inFlight > 0 || lag > 0;
        long now = System.nanoTime();
        if (!waiting) {
            waitingSinceNanos = 0;
        } else if (waitingSinceNanos == 0) {
            waitingSinceNanos = now;
        }
        Duration sinceActivity = progress.sinceLastActivity();
        Duration stalled = waiting ? min(sinceActivity, Duration.ofNanos(now - waitingSinceNanos)) : Duration.ZERO;
        return HealthCheckResponse.named("nlp-consumer-progress")
                .withData("lag", lag)
                .withData("inFlight", inFlight)
                .withData("secondsSinceLastActivity", sinceActivity.toSeconds())
                .withData("stallAfterSeconds", stallAfter.toSeconds())
                .status(stalled.compareTo(stallAfter) < 0)
                .build();
    }

    /**
     * Records of the assigned partitions not yet committed by the group (end offset − committed offset), read on
     * the connector's polling thread; -1 when unknown (no consumer yet, broker unreachable).
     */
    long lag() {
        KafkaConsumer<Object, Object> consumer;
        try {
            consumer = kafka.getConsumer(CHANNEL);
        } catch (RuntimeException e) {
            return -1;
        }
        if (consumer == null) {
            return -1;
        }
        try {
            return consumer.runOnPollingThread(ConsumerProgressLiveness::lagOf).await().atMost(LAG_TIMEOUT);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long lagOf(Consumer<Object, Object> c) {
        Set<TopicPartition> assigned = c.assignment();
        if (assigned.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> ends = c.endOffsets(assigned, LAG_TIMEOUT);
        Map<TopicPartition, OffsetAndMetadata> committed = c.committed(assigned, LAG_TIMEOUT);
        long lag = 0;
        for (TopicPartition tp : assigned) {
            Long end = ends.get(tp);
            OffsetAndMetadata done = committed.get(tp);
            long from = done != null ? done.offset() : c.position(tp, LAG_TIMEOUT);
            lag += end == null ? 0 : Math.max(0, end - from);
        }
        return lag;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
