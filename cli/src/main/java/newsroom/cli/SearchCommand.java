package newsroom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code newsroom search}: one call to {@code GET /api/search}, printed for a terminal; can wait for N hits first. */
final class SearchCommand {

    private final ObjectMapper json;
    private final HttpClient http;
    private final PrintStream out;
    private final ApiKey key;

    SearchCommand(ObjectMapper json, HttpClient http, PrintStream out, ApiKey key) {
        this.json = json;
        this.http = http;
        this.out = out;
        this.key = key;
    }

    /**
     * @param awaitHits wait (up to {@code timeout}) until the search returns at least this many hits; 0 to not wait
     * @return the total number of hits
     */
    long run(URI searchUrl, Map<String, List<String>> params, int awaitHits, Duration timeout)
            throws IOException, InterruptedException {
        URI uri = searchUrl.resolve("/api/search?" + query(params));
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode result = get(uri);
        while (result.path("total").asLong() < awaitHits && System.nanoTime() < deadline) {
            Thread.sleep(250); // polling a remote index; there is no condition to block on from here
            result = get(uri);
        }
        print(params, result);
        return result.path("total").asLong();
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = key.sign(HttpRequest.newBuilder(uri)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        key.check(response, "search-service");
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the search-service answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private void print(Map<String, List<String>> params, JsonNode result) {
        out.printf("Search %s: %d article(s)%n", params, result.path("total").asLong());
        for (JsonNode hit : result.path("hits")) {
            String date = hit.path("publishedAt").asText("");
            out.printf("  %-10s  %-16s  %s%n", date.length() >= 10 ? date.substring(0, 10) : date,
                    truncate(hit.path("source").asText(""), 16), hit.path("title").asText(""));
            List<String> names = new ArrayList<>();
            for (JsonNode entity : hit.path("entities")) {
                if (names.size() == 6) {
                    break;
                }
                names.add(entity.path("name").asText(entity.path("id").asText()));
            }
            if (!names.isEmpty()) {
                out.println("              entities: " + String.join(", ", names));
            }
        }
    }

    private static String query(Map<String, List<String>> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(v ->
                parts.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return String.join("&", parts);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
