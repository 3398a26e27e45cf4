package newsroom.support.access.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * An identity provider of the test's own: an RSA key made at start, its public half served as a JWKS, tokens signed
 * with the private half. No external server. Sets the configuration that turns OIDC on.
 */
public class OidcTestServer implements QuarkusTestResourceLifecycleManager {
    public static final String KEY_ID = "newsroom-test-key";
    private static volatile KeyPair keys;
    private static volatile String issuer;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        keys = rsa();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/newsroom";
        server.createContext("/realms/newsroom/jwks", exchange -> {
            byte[] body = jwks((RSAPublicKey) keys.getPublic()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("newsroom.access.oidc.enabled", "true", "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.discovery-enabled", "false", "quarkus.oidc.jwks-path", "jwks",
                "quarkus.oidc.token.issuer", issuer);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A token for {@code subject} with these roles in the {@code roles} claim, valid for five minutes. */
    public static String token(String subject, List<String> roles) {
        return Jwt.issuer(issuer).subject(subject).upn(subject).claim("roles", roles).expiresIn(300).jws()
                .keyId(KEY_ID).sign(keys.getPrivate());
    }

    /** A token that expired a minute ago. */
    public static String expiredToken(String subject, List<String> roles) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(issuer).subject(subject).claim("roles", roles).issuedAt(now - 600).expiresAt(now - 60)
                .jws().keyId(KEY_ID).sign(keys.getPrivate());
    }

    /** A well-formed token signed by a key the server does not know. */
    public static String foreignToken(String subject, List<String> roles) {
        PrivateKey other = rsa().getPrivate();
        return Jwt.issuer(issuer).subject(subject).claim("roles", roles).expiresIn(300).jws().keyId(KEY_ID)
                .sign(other);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned, as JWK wants
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
