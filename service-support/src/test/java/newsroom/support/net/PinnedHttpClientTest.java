package newsroom.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;

/**
 * The client connects to the address the guard vetted, whatever the name resolves to afterwards. Two servers share
 * one port: a good one on 127.0.0.2 (allow-listed) and a trap on 127.0.0.1 (not allowed), and the name is
 * {@code localhost}, so a client that resolved the name again by itself would land in the trap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PinnedHttpClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger trapHits = new AtomicInteger();
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private HttpServer good;
    private HttpServer trap;
    private int port;

    @BeforeAll
    void startServers() throws IOException {
        good = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        port = good.getAddress().getPort();
        good.setExecutor(Executors.newFixedThreadPool(4));
        good.createContext("/feed", exchange -> {
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            respond(exchange, 200, "good");
        });
        good.createContext("/to-internal", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://10.0.0.1/feed");
            respond(exchange, 302, "");
        });
        good.createContext("/to-feed", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feed");
            respond(exchange, 301, "");
        });
        good.createContext("/big", exchange -> respond(exchange, 200, "x".repeat(10_000)));
        good.createContext("/slow", exchange -> {
            try {
                releaseSlow.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "late");
        });
        good.start();
        trap = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        trap.createContext("/", exchange -> {
            trapHits.incrementAndGet();
            respond(exchange, 200, "trap");
        });
        trap.start();
    }

    @AfterAll
    void stop() {
        releaseSlow.countDown();
        good.stop(0);
        trap.stop(0);
        vertx.close();
    }

    /** Answers 127.0.0.2 the first time it is asked, 127.0.0.1 every later time (a rebinding DNS). */
    private static OutboundAddressGuard.Resolver rebinding() {
        AtomicInteger calls = new AtomicInteger();
        return host -> new InetAddress[] {InetAddress.getByName(calls.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.1")};
    }

    /** localhost is the good server; a literal address is itself. */
    private static InetAddress[] localhostIsTheGoodServer(String host) throws java.net.UnknownHostException {
        return InetAddress.getAllByName(host.equals("localhost") ? "127.0.0.2" : host);
    }

    private PinnedHttpClient client(OutboundAddressGuard.Resolver resolver) {
        return new PinnedHttpClient(vertx, new OutboundAddressGuard(List.of("127.0.0.2"), "test.allow", resolver),
                Duration.ofSeconds(2));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void theConnectionGoesToTheVettedAddressNotToWhatTheNameResolvesToLater() throws Exception {
        OutboundAddressGuard.Resolver resolver = rebinding();
        PinnedHttpClient client = client(resolver);
        PinnedHttpClient.Response response = client.send(PinnedHttpClient.Request.get(url("/feed"), Map.of(), TIMEOUT,
                1_000, 0));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("good");
        assertThat(hostHeaders).contains("localhost:" + port); // the name, not the address
        // the resolver now answers 127.0.0.1: the guard refuses it, and nothing reached the trap
        assertThatThrownBy(() -> client.send(PinnedHttpClient.Request.get(url("/feed"), Map.of(), TIMEOUT, 1_000, 0)))
                .isInstanceOf(ForbiddenAddressException.class).hasMessageContaining("127.0.0.1");
        assertThat(trapHits).hasValue(0);
    }

    @Test
    void aPublicAnswerAtCheckTimeIsWhereTheClientGoesEvenIfTheNameLaterPointsAtLoopback() {
        // 192.88.99.1 stands in for a public server that does not answer here; afterwards the name means 127.0.0.1
        AtomicInteger calls = new AtomicInteger();
        OutboundAddressGuard.Resolver resolver = host -> new InetAddress[] {
                InetAddress.getByName(calls.getAndIncrement() == 0 ? "192.88.99.1" : "127.0.0.1")};
        PinnedHttpClient client = new PinnedHttpClient(vertx, new OutboundAddressGuard(List.of(), "test.allow", resolver),
                Duration.ofMillis(500));
        assertThatThrownBy(() -> client.send(PinnedHttpClient.Request.get(url("/feed"), Map.of(), Duration.ofSeconds(2),
                1_000, 0))).isInstanceOf(IOException.class);
        assertThat(trapHits).hasValue(0);
        assertThat(calls).hasValue(1);
    }

    @Test
    void everyRedirectHopIsChecked() throws Exception {
        PinnedHttpClient client = client(PinnedHttpClientTest::localhostIsTheGoodServer);
        assertThatThrownBy(() -> client.send(PinnedHttpClient.Request.get(url("/to-internal"), Map.of(), TIMEOUT, 1_000,
                3))).isInstanceOf(ForbiddenAddressException.class).hasMessageContaining("10.0.0.1");
        PinnedHttpClient.Response followed = client.send(PinnedHttpClient.Request.get(url("/to-feed"), Map.of(), TIMEOUT,
                1_000, 3));
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.uri().getPath()).isEqualTo("/feed");
        PinnedHttpClient.Response notFollowed = client.send(PinnedHttpClient.Request.get(url("/to-feed"), Map.of(),
                TIMEOUT, 1_000, 0));
        assertThat(notFollowed.status()).isEqualTo(301);
        assertThat(trapHits).hasValue(0);
    }

    @Test
    void bodiesAreBoundedAndSlowAnswersTimeOut() {
        PinnedHttpClient client = client(PinnedHttpClientTest::localhostIsTheGoodServer);
        assertThatThrownBy(() -> client.send(PinnedHttpClient.Request.get(url("/big"), Map.of(), TIMEOUT, 5_000, 0)))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than 5000");
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.send(PinnedHttpClient.Request.get(url("/slow"), Map.of(),
                Duration.ofMillis(700), 1_000, 0))).isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void postsABodyAsynchronously() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        good.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " "
                    + exchange.getRequestHeaders().getFirst("X-Test"));
            respond(exchange, 204, "");
        });
        PinnedHttpClient client = client(PinnedHttpClientTest::localhostIsTheGoodServer);
        PinnedHttpClient.Response response = client.sendAsync(PinnedHttpClient.Request.post(url("/hook"),
                Map.of("X-Test", "yes", "Content-Type", "application/json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                TIMEOUT)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(204);
        assertThat(received).containsExactly("{\"a\":1} yes");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
