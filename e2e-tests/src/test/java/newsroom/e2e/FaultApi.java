package newsroom.e2e;

import newsroom.support.access.testing.TestKeys;
import java.io.IOException;
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

/**
 * The services' public HTTP APIs as the suite uses them, with the outcome of every call kept apart (answer, refusal,
 * overload, server error, no connection), because a call to a service that is being killed may fail and is retried.
 */
final class FaultApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    enum Outcome { ACCEPTED, DUPLICATE, REFUSED, THROTTLED, SERVER_ERROR, NO_CONNECTION }

    /** Where articles are posted: the pipeline's ingest-service, unless a test spreads them over several instances. */
    static volatile java.util.function.Supplier<String> ingestUrl = () -> Pipeline.ingest.baseUrl();

    /** One POST /api/articles; {@code id} is the article id (or the first copy's, for a duplicate). */
    record Posted(Outcome outcome, String id, String detail) {
    }

    private FaultApi() {
    }

    static Posted postArticle(Map<String, Object> article, Duration timeout) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(ingestUrl.get() + "/api/articles"))
                    .timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(article))));
            int status = response.statusCode();
            if (status == 202) {
                JsonNode answer = JSON.readTree(response.body());
                return "duplicate".equals(answer.path("status").asText())
                        ? new Posted(Outcome.DUPLICATE, answer.path("duplicateOf").asText(null), response.body())
                        : new Posted(Outcome.ACCEPTED, answer.path("id").asText(null), response.body());
            }
            Outcome outcome = status == 429 ? Outcome.THROTTLED : status >= 500 ? Outcome.SERVER_ERROR : Outcome.REFUSED;
            return new Posted(outcome, null, status + " " + abbreviate(response.body()));
        } catch (IOException e) {
            return new Posted(Outcome.NO_CONNECTION, null, String.valueOf(e));
        }
    }

    /** GET /api/search with the given parameters (repeatable ones as lists); null when the search did not answer 200. */
    static JsonNode search(Map<String, ?> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return getJson(Pipeline.search.baseUrl() + "/api/search" + query);
    }

    /** Every (id, url) under one source, paged with the cursor in date order. */
    static List<JsonNode> allHits(String source) {
        List<JsonNode> hits = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> params = cursor == null
                    ? Map.of("source", source, "size", 100, "facets", "false", "sort", "date")
                    : Map.of("source", source, "size", 100, "facets", "false", "sort", "date", "cursor", cursor);
            JsonNode page = search(params);
            if (page == null) {
                throw new IllegalStateException("search did not answer while listing source " + source);
            }
            page.path("hits").forEach(hits::add);
            cursor = page.path("hits").isEmpty() ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);
        return hits;
    }

    static JsonNode getJson(String url) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(url)).timeout(Duration.ofSeconds(20))
                    .GET());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Status and body of a JSON POST (for the alerts API); status -1 when there was no connection. */
    static HttpResponse<String> postJson(String url, Object body) throws IOException {
        return send(HttpRequest.newBuilder(uri(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    static void delete(String url) throws IOException {
        send(HttpRequest.newBuilder(uri(url)).timeout(Duration.ofSeconds(20)).DELETE());
    }

    /** Every call carries the test admin key (the services' bootstrap admin key in this suite). */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.header("X-Api-Key", TestKeys.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static URI uri(String url) {
        return URI.create(url);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
