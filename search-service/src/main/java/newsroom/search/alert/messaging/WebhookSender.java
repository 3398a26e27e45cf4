package newsroom.search.alert.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.service.WebhookAddressGuard;
import newsroom.support.net.ForbiddenAddressException;
import newsroom.support.net.PinnedHttpClient;

/**
 * Calls a subscription's webhook with one match: a signed JSON POST, bounded by {@code newsroom.alerts.webhook-timeout},
 * to the address the SSRF guard vetted (the name is checked again on every call, and the connection goes to the
 * address that check saw, so a DNS answer that changes in between cannot reach an internal address).
 */
@ApplicationScoped
public class WebhookSender {
    public static final String SIGNATURE_HEADER = "X-Newsroom-Signature";
    /** Epoch seconds of the call; the signature covers it, so a receiver rejecting stale ones defeats replays. */
    public static final String TIMESTAMP_HEADER = "X-Newsroom-Timestamp";

    private final AlertConfig config;
    private final PinnedHttpClient http;

    public WebhookSender(AlertConfig config, WebhookAddressGuard guard, Vertx vertx) {
        this.config = config;
        this.http = new PinnedHttpClient(vertx, guard.outbound(), config.webhookTimeout());
    }

    /** What one call came to: the HTTP status when there was an answer, the error when it failed. */
    public record Outcome(Integer status, String error, boolean refused) {
        public boolean delivered() {
            return error == null;
        }
    }

    /**
     * Posts the body; the guard runs on the calling thread, the answer completes the stage (never exceptionally).
     * A refused URL is {@code refused}: trying it again would not help.
     */
    public CompletionStage<Outcome> send(String url, String matchId, byte[] body, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "newsroom-search-alerts");
        headers.put("X-Newsroom-Match-Id", matchId);
        if (secret != null) {
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            headers.put(TIMESTAMP_HEADER, timestamp);
            headers.put(SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp, body));
        }
        try {
            return http.sendAsync(PinnedHttpClient.Request.post(URI.create(url), headers, body, config.webhookTimeout()))
                    .handle((response, error) -> {
                        if (error != null) {
                            Throwable cause = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error;
                            return new Outcome(null, cause.toString(), false);
                        }
                        int status = response.status();
                        return new Outcome(status, status / 100 == 2 ? null : "HTTP " + status, false);
                    });
        } catch (ForbiddenAddressException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "refused: " + e.getMessage(), true));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "refused: not a valid URL", true));
        }
    }

    /** Lower-case hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
