package newsroom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code newsroom keys create|list|revoke}: the admin API {@code /api/keys}, which every service serves. */
final class KeysCommand {

    private final ObjectMapper json;
    private final HttpClient http;
    private final PrintStream out;
    private final ApiKey key;
    private final URI base;

    KeysCommand(ObjectMapper json, HttpClient http, PrintStream out, ApiKey key, URI base) {
        this.json = json;
        this.http = http;
        this.out = out;
        this.key = key;
        this.base = base;
    }

    /** Prints the new key's record, then the key alone on the last line (scripts take the last line). */
    void create(String role, String name) throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("role", role);
        if (name != null) {
            body.put("name", name);
        }
        JsonNode created = send(key.sign(HttpRequest.newBuilder(base.resolve("/api/keys")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), 201);
        JsonNode view = created.path("view");
        out.printf("Created %s key '%s' (id %s). Keep it now: it cannot be shown again.%n",
                view.path("role").asText(), view.path("name").asText(), view.path("id").asText());
        out.println(created.path("key").asText());
    }

    void list(boolean includeRevoked) throws IOException, InterruptedException {
        JsonNode keys = send(key.sign(HttpRequest.newBuilder(
                base.resolve("/api/keys" + (includeRevoked ? "?revoked=true" : "")))).GET(), 200);
        String format = "%-36s  %-8s  %-24s  %-12s  %-20s  %s%n";
        out.printf(format, "id", "role", "name", "prefix", "created", "last used / revoked");
        for (JsonNode k : keys) {
            String state = k.hasNonNull("revokedAt") ? "revoked " + day(k.path("revokedAt").asText())
                    : k.hasNonNull("lastUsedAt") ? day(k.path("lastUsedAt").asText()) : "never used";
            out.printf(format, k.path("id").asText(), k.path("role").asText(), k.path("name").asText(),
                    k.path("prefix").asText(), day(k.path("createdAt").asText()), state);
        }
    }

    void revoke(String id) throws IOException, InterruptedException {
        JsonNode revoked = send(key.sign(HttpRequest.newBuilder(base.resolve("/api/keys/" + id))).DELETE(), 200);
        out.printf("Revoked %s key '%s' (id %s); every service refuses it within seconds.%n",
                revoked.path("role").asText(), revoked.path("name").asText(), revoked.path("id").asText());
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        key.check(response, "service");
        if (response.statusCode() != expected) {
            throw new IOException("the service answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static String day(String instant) {
        return instant.length() > 19 ? instant.substring(0, 19).replace('T', ' ') : instant;
    }
}
