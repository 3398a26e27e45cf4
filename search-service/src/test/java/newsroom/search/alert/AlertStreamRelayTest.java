package newsroom.search.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import jakarta.ws.rs.core.Response;
import newsroom.events.AlertMatch;
import newsroom.events.EventJson;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.messaging.AlertStreamRelay;
import newsroom.search.alert.rest.AlertErrorMappers;
import newsroom.search.alert.rest.AlertErrorMappers.StreamFullException;

/** The SSE side of the relay: a cap on clients, and a bounded buffer per client. */
class AlertStreamRelayTest {

    static AlertConfig config(int maxClients, int buffer) {
        return (AlertConfig) Proxy.newProxyInstance(AlertConfig.class.getClassLoader(),
                new Class<?>[] { AlertConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "streamMaxClients" -> maxClients;
                    case "streamClientBuffer" -> buffer;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static byte[] match(int n) {
        return EventJson.toBytes(new AlertMatch(AlertMatch.SCHEMA_VERSION, "sub::art-" + n, "sub", "a watch",
                "art-" + n, "Title " + n, "https://news.example/" + n, "wire", null, Instant.now(), List.of()));
    }

    @Test
    void pastTheCapANewClientIsRefusedUntilAnotherLeaves() {
        AlertStreamRelay relay = new AlertStreamRelay(config(2, 8), new SimpleMeterRegistry());
        AssertSubscriber<AlertMatch> first = relay.connect().subscribe().withSubscriber(AssertSubscriber.create(10));
        relay.connect().subscribe().withSubscriber(AssertSubscriber.create(10));
        assertThat(relay.clients()).isEqualTo(2);
        assertThat(relay.connect()).isNull();
        assertThat(relay.clients()).isEqualTo(2);

        first.cancel();
        assertThat(relay.clients()).isEqualTo(1);
        assertThat(relay.connect()).isNotNull();
    }

    @Test
    void aClientTooFarBehindIsDisconnectedWhileTheOthersGetEveryMatch() {
        AlertStreamRelay relay = new AlertStreamRelay(config(10, 4), new SimpleMeterRegistry());
        AssertSubscriber<AlertMatch> stalled = relay.connect().subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<AlertMatch> reading = relay.connect().subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        for (int i = 0; i < 10; i++) {
            relay.relay(match(i));
        }
        // an unreadable record throws (the channel dead-letters it with the reason); the stream goes on
        assertThatThrownBy(() -> relay.relay("not an alert".getBytes())).isInstanceOf(java.io.UncheckedIOException.class);
        relay.relay(match(10));

        assertThat(reading.getItems()).extracting(AlertMatch::articleId).hasSize(11).startsWith("art-0")
                .endsWith("art-10");
        stalled.assertFailedWith(BackPressureFailure.class);
        assertThat(relay.clients()).isEqualTo(1);
    }

    @Test
    void aRefusedStreamIsAJson503WithRetryAfter() {
        Response response = new AlertErrorMappers().streamFull(new StreamFullException(200, 10));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
        assertThat(response.getMediaType().toString()).isEqualTo("application/json");
    }
}
