package newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.messaging.OutboxRelay;
import newsroom.support.messaging.OutboxSettings;
import newsroom.support.messaging.OutboxTable;

/**
 * The shared relay's bookkeeping on a scratch table of its own, with an emitter that answers by key: acknowledged
 * rows are sent; a permanent failure parks at once; a transient one waits for its next attempt (and rounds skip it
 * until then), and is parked after the configured attempts; an operator re-queue puts parked rows back in line.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class SharedOutboxRelayTest {
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry meters;

    private final String table = "ingest.relay_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeEach
    void createTable() {
        sql("create table " + table + " (id bigserial primary key, k text not null, payload text not null,"
                + " created_at timestamptz not null default now(), sent_at timestamptz, attempts integer not null default 0,"
                + " last_error text, next_attempt_at timestamptz, parked_at timestamptz)");
        sql("insert into " + table + " (k, payload) values ('slow', '{}'), ('big', '{}'), ('fine', '{}')");
    }

    @AfterEach
    void dropTable() {
        sql("drop table if exists " + table);
    }

    @Test
    void eachRowIsSettledByItsOwnAnswer() {
        OutboxRelay relay = new OutboxRelay(new OutboxTable(table, "id", "k", "payload", "created_at", "scratch-topic",
                Map.of("schemaVersion", "1")), new OutboxSettings(10, 2, Duration.ofMinutes(1), Duration.ofMinutes(5),
                        Duration.ofSeconds(5)), answeringByKey(), em, meters);

        OutboxRelay.Round first = relay.relayOnce(10);
        assertThat(first).extracting(OutboxRelay.Round::claimed, OutboxRelay.Round::acknowledged,
                OutboxRelay.Round::parked, OutboxRelay.Round::retried).containsExactly(3, 1, 1, 1);
        assertThat(value("fine", "sent_at")).isNotNull();
        assertThat(value("big", "parked_at")).isNotNull();
        assertThat((String) value("big", "last_error")).contains("RecordTooLargeException");
        assertThat(value("slow", "parked_at")).isNull();
        assertThat(((Number) value("slow", "attempts")).intValue()).isEqualTo(1);
        assertThat(instant(value("slow", "next_attempt_at"))).as("1 min +-20 %")
                .isAfter(Instant.now().plusSeconds(40));

        assertThat(relay.relayOnce(10).claimed()).as("nothing due: the slow row waits, the big one is parked").isZero();
        assertThat(relay.state().parked()).isEqualTo(1);
        assertThat(relay.state().newestParkedReason()).contains("RecordTooLargeException");

        sql("update " + table + " set next_attempt_at = now() - interval '1 second' where k = 'slow'");
        OutboxRelay.Round second = relay.relayOnce(10);
        assertThat(second.claimed()).isEqualTo(1);
        assertThat(second.parked()).as("second transient failure of 2 allowed").isEqualTo(1);
        assertThat((String) value("slow", "last_error")).startsWith("gave up after 2 attempts").contains("TimeoutException");

        // a re-queue also wakes the relay, whose next round would retry at once; stopped, the counts hold still
        relay.stop(Duration.ofSeconds(1));
        assertThat(relay.requeueParked(null)).isEqualTo(2);
        assertThat(relay.state().pending()).isEqualTo(2);
        assertThat(((Number) value("slow", "attempts")).intValue()).isZero();
        assertThat(value("big", "parked_at")).isNull();
    }

    /** acknowledges "fine", refuses "big" as too large, times "slow" out; only sendMessage is used by the relay */
    @SuppressWarnings("unchecked")
    private static MutinyEmitter<String> answeringByKey() {
        return (MutinyEmitter<String>) Proxy.newProxyInstance(SharedOutboxRelayTest.class.getClassLoader(),
                new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendMessage")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Message<?> message = (Message<?>) args[0];
                    Object key = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey();
                    return switch ((String) key) {
                        case "fine" -> Uni.createFrom().voidItem();
                        case "big" -> Uni.createFrom().failure(new RecordTooLargeException("The message is too large"));
                        default -> Uni.createFrom().failure(new TimeoutException("Expiring 1 record(s)"));
                    };
                });
    }

    private Object value(String key, String column) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select " + column + " from " + table
                + " where k = :k").setParameter("k", key).getSingleResult());
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : value instanceof Instant i ? i
                : ((java.sql.Timestamp) value).toInstant();
    }
}
