package newsroom.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

/**
 * Pinning the address must not weaken TLS: the client connects to the vetted address yet sends the host name as SNI
 * and checks the certificate against the host name. An HTTPS server on 127.0.0.2 holds a certificate for
 * {@code feeds.test} only (made with the JDK's keytool); both names below resolve to that address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PinnedTlsTest {
    private static final String PASSWORD = "changeit";

    private final Vertx vertx = Vertx.vertx();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    /** JUnit deletes it after the class. */
    @TempDir
    static Path keys;
    private Path keystore;
    private HttpServer server;

    @BeforeAll
    void start() throws Exception {
        keystore = keys.resolve("feeds-test.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "feeds", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=feeds.test",
                "-ext", "SAN=dns:feeds.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true).setHost("127.0.0.2")
                .setPort(0).setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD)))
                .requestHandler(request -> {
                    serverNames.add(request.connection().indicatedServerName() + " " + request.getHeader("Host"));
                    request.response().end("secure");
                })
                .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() {
        vertx.close();
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private PinnedHttpClient client() {
        OutboundAddressGuard guard = new OutboundAddressGuard(List.of("127.0.0.2"), "test.allow",
                host -> new InetAddress[] {InetAddress.getByName("127.0.0.2")});
        HttpClientOptions trustingTheTestCertificate = new HttpClientOptions()
                .setTrustOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD));
        return new PinnedHttpClient(vertx, guard, Duration.ofSeconds(5), trustingTheTestCertificate);
    }

    @Test
    void sniAndTheCertificateCheckUseTheHostName() throws Exception {
        PinnedHttpClient.Response response = client().send(PinnedHttpClient.Request.get(
                URI.create("https://feeds.test:" + server.actualPort() + "/feed"), Map.of(), Duration.ofSeconds(30),
                1_000, 0));
        assertThat(response.status()).isEqualTo(200);
        assertThat(serverNames).contains("feeds.test feeds.test:" + server.actualPort());
    }

    @Test
    void aCertificateForAnotherNameIsRefusedThoughTheAddressIsTheSame() {
        assertThatThrownBy(() -> client().send(PinnedHttpClient.Request.get(
                URI.create("https://other.test:" + server.actualPort() + "/feed"), Map.of(), Duration.ofSeconds(30), 1_000,
                0))).isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                .satisfies(e -> assertThat(causes(e)).contains("other.test"));
        assertThat(serverNames).noneMatch(s -> s.contains("other.test"));
    }
}
