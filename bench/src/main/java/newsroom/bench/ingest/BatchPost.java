package newsroom.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.bench.BenchKey;

/** One JSON array of articles to the ingest-service's {@code POST /api/articles/batch}; its answer, or an error. */
public final class BatchPost {

    private BatchPost() {
    }

    /** The batch result ({@code accepted}, {@code duplicates}, {@code rejected}, {@code results}). */
    public static JsonNode send(HttpClient http, BenchKey key, ObjectMapper json, URI ingest, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingest.resolve("/api/articles/batch"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = key.send(http, request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("batch answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
