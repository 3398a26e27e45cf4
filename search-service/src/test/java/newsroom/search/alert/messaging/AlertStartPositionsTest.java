package newsroom.search.alert.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AlertStartPositionsTest {
    static final TopicPartition P0 = new TopicPartition("news.articles.enriched", 0);
    static final TopicPartition P1 = new TopicPartition("news.articles.enriched", 1);

    @Test
    void aPartitionTheGroupNeverCommittedOnHasItsStartCommittedAtAssignment() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("latest");
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 40L, P1, 7L));
        consumer.commitSync(Map.of(P1, new OffsetAndMetadata(3)));
        AlertArticleConsumer matcher = new AlertArticleConsumer(null, null, null, null, null, new SimpleMeterRegistry());

        new AlertArticleConsumer.Positions(matcher).onPartitionsAssigned(consumer, List.of(P0, P1));

        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(P0, P1));
        // the next owner of P0 resumes at 40, not at whatever the end is when it takes over
        assertThat(committed.get(P0)).isEqualTo(new OffsetAndMetadata(40));
        assertThat(committed.get(P1)).as("a commit the group had is left as it was").isEqualTo(new OffsetAndMetadata(3));
        assertThat(consumer.position(P1)).isEqualTo(3);
        assertThat(matcher.isAssigned()).isTrue();
    }
}
