package newsroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The client commands send the key they find, and say plainly why a service refused them. */
class ApiKeyTest {
    private static final String GOOD = "nrk_a-key-the-fake-service-knows";
    private static final String READER = "nrk_a-reader-key-of-the-fake-service";

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, String> keysSeen = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A stand-in for a service: 401 without a known key, 403 for the reader key on anything but search. */
    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            keysSeen.put(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), String.valueOf(key));
            boolean search = exchange.getRequestURI().getPath().equals("/api/search");
            int status;
            String body;
            if (!GOOD.equals(key) && !READER.equals(key)) {
                status = 401;
                body = "{\"error\":\"unauthorized\"}";
            } else if (READER.equals(key) && !search) {
                status = 403;
                body = "{\"error\":\"forbidden\"}";
            } else if (search) {
                status = 200;
                body = "{\"total\":1,\"hits\":[{\"title\":\"A story\",\"source\":\"desk\"}]}";
            } else {
                status = 201;
                body = "{\"key\":\"nrk_the-new-key\",\"view\":{\"id\":\"7\",\"name\":\"night desk\",\"role\":\"reader\"}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void theEnvironmentWinsOverTheKeyFileAndTheFileIsReadWithoutItsNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("admin.key"), GOOD + "\n");
        assertThat(send(ApiKey.from(Map.of("NEWSROOM_API_KEY_FILE", file.toString())))).isEqualTo(GOOD);
        assertThat(send(ApiKey.from(Map.of("NEWSROOM_API_KEY", READER, "NEWSROOM_API_KEY_FILE", file.toString()))))
                .isEqualTo(READER);
        assertThat(send(ApiKey.from(Map.of("NEWSROOM_API_KEY_FILE", dir.resolve("missing").toString()))))
                .isEqualTo("null");
    }

    @Test
    void searchSendsTheKey() throws Exception {
        long total = new SearchCommand(json, http, new PrintStream(out), ApiKey.of(GOOD, "test"))
                .run(base(), Map.of("q", List.of("story")), 0, Duration.ofSeconds(5));
        assertThat(total).isEqualTo(1);
        assertThat(keysSeen).containsEntry("GET /api/search", GOOD);
    }

    @Test
    void noKeyAndTooLowARoleAreExplained() {
        assertThatThrownBy(() -> new SearchCommand(json, http, new PrintStream(out), ApiKey.none())
                .run(base(), Map.of(), 0, Duration.ofSeconds(5)))
                .isInstanceOf(ApiKey.Refused.class).hasMessageContaining("needs an API key")
                .hasMessageContaining("NEWSROOM_API_KEY");
        assertThatThrownBy(() -> new SearchCommand(json, http, new PrintStream(out), ApiKey.of("nrk_revoked", "a file"))
                .run(base(), Map.of(), 0, Duration.ofSeconds(5)))
                .isInstanceOf(ApiKey.Refused.class).hasMessageContaining("did not accept the API key from a file");
        assertThatThrownBy(() -> new KeysCommand(json, http, new PrintStream(out), ApiKey.of(READER, "test"), base())
                .create("reader", null))
                .isInstanceOf(ApiKey.Refused.class).hasMessageContaining("role is too low");
    }

    @Test
    void aCreatedKeyIsAloneOnTheLastLine() throws Exception {
        new KeysCommand(json, http, new PrintStream(out), ApiKey.of(GOOD, "test"), base()).create("reader", "night desk");
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("nrk_the-new-key");
        assertThat(lines.get(0)).contains("reader", "night desk");
        assertThat(keysSeen).containsEntry("POST /api/keys", GOOD);
    }

    /** The key a search with {@code key} carried, as the fake service saw it ("null" for none). */
    private String send(ApiKey key) {
        keysSeen.clear();
        try {
            new SearchCommand(json, http, new PrintStream(out), key).run(base(), Map.of(), 0, Duration.ofSeconds(5));
        } catch (IOException | InterruptedException e) {
            // a refusal is expected for no key; what matters here is what was sent
        }
        return keysSeen.get("GET /api/search");
    }
}
