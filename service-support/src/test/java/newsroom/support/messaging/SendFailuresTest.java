package newsroom.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletionException;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class SendFailuresTest {

    @Test
    void recordsTheBrokerCanNeverTakeArePermanentWhereverTheyAreWrapped() {
        assertThat(SendFailures.isPermanent(new RecordTooLargeException("too large"))).isTrue();
        assertThat(SendFailures.isPermanent(new CompletionException(new InvalidRecordException("bad")))).isTrue();
        assertThat(SendFailures.isPermanent(new IllegalStateException(new SerializationException("no")))).isTrue();
    }

    @Test
    void anAbsentOrBusyBrokerIsTransient() {
        assertThat(SendFailures.isPermanent(new TimeoutException("Expiring 3 record(s)"))).isFalse();
        assertThat(SendFailures.isPermanent(new NetworkException("disconnected"))).isFalse();
        assertThat(SendFailures.isPermanent(new NotLeaderOrFollowerException("moved"))).isFalse();
        assertThat(SendFailures.isPermanent(new IllegalStateException("emitter not connected"))).isFalse();
    }

    @Test
    void theReasonIsTheInnermostCauseOnOneBoundedLine() {
        String reason = SendFailures.reason(new CompletionException(new RecordTooLargeException("line one\nline two")));
        assertThat(reason).isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException: line one line two");
        assertThat(SendFailures.reason(new RuntimeException("x".repeat(5000)))).hasSize(1000);
    }

    @Test
    void tableNamesMustBePlainIdentifiers() {
        assertThat(new OutboxTable("ingest.outbox", "id", "article_id", "payload", "created_at", "t", Map.of()).table())
                .isEqualTo("ingest.outbox");
        assertThatThrownBy(() -> new OutboxTable("outbox; drop table x", "id", "k", "p", "c", "t", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
