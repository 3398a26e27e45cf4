package newsroom.nlp.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import newsroom.nlp.messaging.PipelineProgress;

/** Liveness against a consumer whose lag the test sets: DOWN only when records wait and nothing moves. */
class ConsumerProgressLivenessTest {

    private final TopicPartition tp = new TopicPartition("news.articles.raw", 0);
    private final MockConsumer<Object, Object> mock = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final PipelineProgress progress = new PipelineProgress();

    ConsumerProgressLivenessTest() {
        mock.assign(List.of(tp));
        mock.updateBeginningOffsets(Map.of(tp, 0L));
        mock.updateEndOffsets(Map.of(tp, 0L));
    }

    @SuppressWarnings("unchecked")
    private KafkaClientService service() {
        KafkaConsumer<Object, Object> consumer = (KafkaConsumer<Object, Object>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { KafkaConsumer.class }, (proxy, method, args) -> {
                    if (method.getName().equals("runOnPollingThread") && args[0] instanceof Function<?, ?> f) {
                        return Uni.createFrom().item(() -> ((Function<Consumer<Object, Object>, Object>) f).apply(mock));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (KafkaClientService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { KafkaClientService.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConsumer")) {
                        return consumer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private void commit(long offset) {
        mock.commitSync(Map.of(tp, new OffsetAndMetadata(offset)));
    }

    @Test
    void recordsWaitingWithNoProgressTurnItDownAndProgressOrNoLagBringsItBack() {
        ConsumerProgressLiveness check = new ConsumerProgressLiveness(progress, service(), Duration.ofMillis(300));
        commit(0);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP); // idle: nothing waits

        mock.updateEndOffsets(Map.of(tp, 5L));
        assertThat(check.lag()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> check.call().getStatus() == HealthCheckResponse.Status.DOWN);
        assertThat(check.call().getData().orElseThrow()).containsEntry("lag", 5L);

        progress.started(); // an article taken: the consumer moves
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        // ... and then is stuck on it: in flight, nothing finishes
        await().atMost(Duration.ofSeconds(10)).until(() -> check.call().getStatus() == HealthCheckResponse.Status.DOWN);

        progress.finished();
        commit(5);
        assertThat(check.lag()).isZero();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anIdleConsumerStaysUpHowLongEverNothingHappens() {
        ConsumerProgressLiveness check = new ConsumerProgressLiveness(progress, service(), Duration.ofMillis(1));
        commit(0);
        await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5))
                .until(() -> progress.sinceLastActivity().toMillis() > 20);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
