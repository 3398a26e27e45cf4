package newsroom.search;

import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import newsroom.stack.testing.LocalStackTestResource;

/** Relevance paging holds a point in time while pages remain, and frees it when the last page is served. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class PointInTimeIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "newsroom.elasticsearch.hosts")
    String elasticsearch;

    @Test
    void pagingToTheEndLeavesNoPointInTimeOpen() throws Exception {
        String word = "pitword" + unique();
        String source = "pit-" + unique();
        try (EnrichedArticles kafka = new EnrichedArticles(bootstrap)) {
            for (int i = 0; i < 7; i++) {
                kafka.send(article("pit-" + i + "-" + unique(), source, Instant.parse("2025-05-01T00:00:00Z").plusSeconds(i),
                        "Item " + i, "The " + word + " appears here " + "and again ".repeat(i) + "."));
            }
        }
        await().atMost(SearchIndexingIT.SEARCHABLE)
                .until(() -> SearchIndexingIT.search(Map.of("source", source)).getInt("total") == 7);

        Map<String, Object> page = new HashMap<>(Map.of("q", word, "size", "3"));
        List<String> pits = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        while (true) {
            JsonPath r = SearchIndexingIT.search(page);
            seen.addAll(SearchIndexingIT.ids(r));
            String next = r.getString("nextCursor");
            if (next == null) {
                break;
            }
            String pit = pitOf(next);
            assertThat(pit).as("a relevance cursor carries a point in time").isNotNull();
            assertThat(searchWithPit(pit)).as("the point in time is open while pages remain").isEqualTo(200);
            pits.add(pit);
            page.put("cursor", next);
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        // 7 hits by 3: two cursors, and the third page is the last (no empty extra page).
        assertThat(pits).hasSize(2);
        for (String pit : pits) {
            assertThat(searchWithPit(pit)).as("closed after the last page").isEqualTo(404);
        }
    }

    private static String pitOf(String cursor) throws IOException {
        JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        return node.path("p").isTextual() ? node.path("p").asText() : null;
    }

    /** A search on the point in time itself, without renewing it for long: 200 while open, 404 once closed. */
    private int searchWithPit(String pit) throws IOException, InterruptedException {
        String body = "{\"size\":0,\"pit\":{\"id\":" + JSON.writeValueAsString(pit) + ",\"keep_alive\":\"10s\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearch.split(",")[0] + "/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
