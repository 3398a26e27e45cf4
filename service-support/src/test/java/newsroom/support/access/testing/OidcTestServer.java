package newsroom.support.access.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * An identity provider of the test's own: an RSA key made at start, its public half served as a JWKS, tokens signed
 * with the private half. No external server. Sets the configuration that turns OIDC on.
 *
 * <p>It also plays the browser side of the authorization code flow for client {@value #CLIENT_ID}: {@code authorize}
 * signs in whoever {@link #signInAs} named (no login form) and sends the browser back with a one-time code,
 * {@code token} trades the code (with the client's secret) for an ID token and an access token, {@code logout} sends
 * the browser on to the {@code post_logout_redirect_uri}.
 */
public class OidcTestServer implements QuarkusTestResourceLifecycleManager {
    public static final String KEY_ID = "newsroom-test-key";
    public static final String CLIENT_ID = "newsroom-page";
    public static final String CLIENT_SECRET = "test-only-client-secret-of-the-newsroom-page";
    private static volatile KeyPair keys;
    private static volatile String issuer;
    private static volatile SignIn nextSignIn = new SignIn("nobody", List.of());
    private static final Map<String, SignIn> CODES = new ConcurrentHashMap<>();

    private record SignIn(String subject, List<String> roles) {
    }
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
        server.createContext("/realms/newsroom/jwks", exchange -> send(exchange, 200,
                jwks((RSAPublicKey) keys.getPublic())));
        server.createContext("/realms/newsroom/authorize", OidcTestServer::authorize);
        server.createContext("/realms/newsroom/token", OidcTestServer::token);
        server.createContext("/realms/newsroom/logout", exchange -> redirect(exchange,
                query(exchange.getRequestURI().getRawQuery()).getOrDefault("post_logout_redirect_uri", "/")));
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

    /** The issuer's URL (the realm's base). */
    public static String issuer() {
        return issuer;
    }

    /** Who the next pass through {@code authorize} signs in. */
    public static void signInAs(String subject, List<String> roles) {
        nextSignIn = new SignIn(subject, List.copyOf(roles));
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

    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(params.get("client_id")) || params.get("redirect_uri") == null) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        CODES.put(code, nextSignIn);
        String back = params.get("redirect_uri") + (params.get("redirect_uri").contains("?") ? "&" : "?") + "code="
                + code + "&state=" + URLEncoder.encode(params.getOrDefault("state", ""), StandardCharsets.UTF_8);
        redirect(exchange, back);
    }

    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        boolean client = basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || CLIENT_SECRET.equals(form.get("client_secret"));
        SignIn who = form.get("code") == null ? null : CODES.remove(form.get("code")); // one time only
        if (!client || who == null || !"authorization_code".equals(form.get("grant_type"))) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String idToken = Jwt.issuer(issuer).audience(CLIENT_ID).subject(who.subject()).upn(who.subject())
                .claim("roles", who.roles()).expiresIn(300).jws().keyId(KEY_ID).sign(keys.getPrivate());
        send(exchange, 200, "{\"access_token\":\"" + token(who.subject(), who.roles()) + "\",\"id_token\":\""
                + idToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
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
