package newsroom.e2e.stories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The gold set of stories ({@code stories/gold-stories.jsonl}, described in the README beside it), in arrival order. */
public final class GoldStories {
    public static final String RESOURCE = "/stories/gold-stories.jsonl";

    /** One article of the gold set; {@code story} is its gold label. */
    public record Article(String id, String story, String source, String url, Instant publishedAt, String language,
            String title, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldStories() {
    }

    public static List<Article> load() {
        InputStream in = GoldStories.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test class path");
        }
        List<Article> articles = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode json = JSON.readTree(line);
                    articles.add(new Article(json.path("id").asText(), json.path("story").asText(),
                            json.path("source").asText(), json.path("url").asText(),
                            Instant.parse(json.path("publishedAt").asText()), json.path("language").asText(),
                            json.path("title").asText(), json.path("body").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }
}
