package newsroom.search.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import newsroom.search.config.ElasticsearchConfig;

/** A cluster with security on gets the configured user on every request; one without gets no header at all. */
class ElasticsearchClientProducerTest {
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorization.set(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aConfiguredUserIsSentAsBasicAuthentication() throws IOException {
        call(config(Optional.of("newsroom"), Optional.of("s3cret")));
        assertThat(authorization.get()).isEqualTo("Basic bmV3c3Jvb206czNjcmV0"); // base64 of newsroom:s3cret
    }

    @Test
    void withoutAUserNoCredentialsAreSent() throws IOException {
        call(config(Optional.empty(), Optional.empty()));
        assertThat(authorization.get()).isEqualTo("null");
    }

    private void call(ElasticsearchConfig config) throws IOException {
        try (RestClient client = new ElasticsearchClientProducer().restClient(config)) {
            client.performRequest(new Request("GET", "/"));
        }
    }

    private ElasticsearchConfig config(Optional<String> user, Optional<String> password) {
        String host = "http://127.0.0.1:" + server.getAddress().getPort();
        return new ElasticsearchConfig() {
            public List<String> hosts() {
                return List.of(host);
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration socketTimeout() {
                return Duration.ofSeconds(2);
            }

            public Optional<String> username() {
                return user;
            }

            public Optional<String> password() {
                return password;
            }
        };
    }
}
