package newsroom.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import newsroom.events.Sha256;

/**
 * The API key a benchmark sends to a running service ({@code X-Api-Key}): the one it was given ({@code key=} /
 * {@code --key} / {@code -Dbench.key}), else {@code NEWSROOM_API_KEY}, else the launcher's {@code .newsroom/admin.key}
 * (looked for here and one directory up, since exec:java runs in {@code bench/}). Benchmarks that start a service
 * themselves make a key with {@link #random()} and hand the service its hash as the bootstrap admin key.
 */
public record BenchKey(String key) {

    public static BenchKey resolve(String given) {
        if (given != null && !given.isBlank()) {
            return new BenchKey(given.strip());
        }
        String env = System.getenv("NEWSROOM_API_KEY");
        if (env != null && !env.isBlank()) {
            return new BenchKey(env.strip());
        }
        for (Path file : new Path[] {Path.of(".newsroom", "admin.key"), Path.of("..", ".newsroom", "admin.key")}) {
            if (Files.isReadable(file)) {
                try {
                    return new BenchKey(Files.readString(file).strip());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + file, e);
                }
            }
        }
        throw new IllegalStateException("no API key: pass key=... (or --key, -Dbench.key), set NEWSROOM_API_KEY, or "
                + "start the services with ./newsroom up, which writes .newsroom/admin.key");
    }

    /** A fresh admin key for a service this benchmark starts itself. */
    public static BenchKey random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new BenchKey("nrk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** What a service is given as {@code NEWSROOM_ACCESS_BOOTSTRAP_ADMIN_KEY_SHA256}. */
    public String sha256() {
        return Sha256.hex(key);
    }

    public HttpRequest.Builder sign(HttpRequest.Builder request) {
        return request.header("X-Api-Key", key);
    }

    /**
     * Sends with the key; a 429 (the per-key rate limit) waits its {@code Retry-After} and tries again, so a
     * benchmark measures the service, not the limit. A 401/403 ends the run with the reason.
     */
    public <T> HttpResponse<T> send(HttpClient http, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpRequest signed = sign(request).build();
        while (true) {
            HttpResponse<T> response = http.send(signed, body);
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new IllegalStateException(signed.uri() + " refused the API key (" + response.statusCode()
                        + "): use a valid key with the role this benchmark needs");
            }
            if (response.statusCode() != 429) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, seconds) * 1000);
        }
    }
}
