package newsroom.e2e;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import newsroom.events.Topics;

/**
 * The suite's alert subscriptions, made through the alerts API before the load, and what they fired: the match
 * record ({@code GET /api/alerts/{id}/matches}, one entry per match id) and the deliveries on {@code news.alerts}.
 */
final class FaultAlerts {
    /** The API lists at most this many matches per subscription; the suite keeps its expected matches below it. */
    static final int API_LIMIT = 500;

    /** A subscription and the articles it must fire for. */
    record Subscription(String id, String name, Predicate<FaultLedger.Ack> matches) {
    }

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<String> created = new ArrayList<>();

    List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    void createWatches(String source) throws IOException {
        subscriptions.add(new Subscription(create(Map.of("name", "fault suite: Bukele watch " + source,
                "entity", List.of(FaultArticles.WATCHED_ENTITY), "source", List.of(source))), "entity watch",
                FaultLedger.Ack::namesBukele));
        subscriptions.add(new Subscription(create(Map.of("name", "fault suite: turbines " + source,
                "q", FaultArticles.WATCHED_TEXT, "source", List.of(source))), "text query",
                FaultLedger.Ack::mentionsTurbines));
    }

    /**
     * A text query the API accepts (a simple query string is never a syntax error) but Elasticsearch refuses: two
     * hundred fuzzy terms, each expanded on four fields, pass the node's limit on query clauses. Checked first with the
     * same parameters on {@code /api/search}, which must not answer 200.
     */
    String createRejected(String source) throws IOException {
        StringBuilder q = new StringBuilder();
        for (char a = 'a'; a <= 'z' && q.length() < 990; a++) {
            for (char b = 'a'; b <= 'z' && q.length() < 990; b++) {
                q.append(a).append(b).append("~2 ");
            }
        }
        String text = q.toString().strip();
        if (FaultApi.search(Map.of("q", text, "source", source, "size", 0)) != null) {
            throw new AssertionError("Elasticsearch answered the query meant to be refused: pick another one");
        }
        return create(Map.of("name", "fault suite: refused by Elasticsearch " + source, "q", text,
                "source", List.of(source)));
    }

    private String create(Map<String, Object> definition) throws IOException {
        HttpResponse<String> response = FaultApi.postJson(Pipeline.search.baseUrl() + "/api/alerts", definition);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/alerts answered " + response.statusCode() + ": " + response.body());
        }
        String id = FaultApi.JSON.readTree(response.body()).path("id").asText();
        created.add(id);
        return id;
    }

    /** The article ids of a subscription's recorded matches, as many times as the API lists each. */
    List<String> recordedMatches(String id) {
        JsonNode matches = FaultApi.getJson(Pipeline.search.baseUrl() + "/api/alerts/" + id + "/matches?limit="
                + API_LIMIT);
        List<String> articles = new ArrayList<>();
        if (matches != null) {
            matches.forEach(m -> articles.add(m.path("match").path("articleId").asText()));
        }
        return articles;
    }

    /** Per subscription id: how many times each article's match was published on news.alerts during the run. */
    static Map<String, Map<String, Integer>> published(FaultTopics topics) throws IOException {
        Map<String, Map<String, Integer>> published = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : topics.recordsSinceStart(Topics.ALERTS)) {
            String value = FaultTopics.text(record.value());
            if (value == null || value.startsWith(FaultTopics.POISON_PREFIX)) {
                continue;
            }
            try {
                JsonNode match = FaultApi.JSON.readTree(value);
                published.computeIfAbsent(match.path("subscriptionId").asText(), k -> new HashMap<>())
                        .merge(match.path("articleId").asText(), 1, Integer::sum);
            } catch (IOException e) {
                // someone else's record on the shared topic; ours are AlertMatch JSON
            }
        }
        return published;
    }

    /**
     * The fields of a subscription's view that report a failure (a name with "fail" or "error" and a value that is
     * neither null nor false nor empty), e.g. {@code lastError}; empty when the API shows nothing wrong with it.
     */
    Map<String, String> failureFields(String id) {
        JsonNode view = FaultApi.getJson(Pipeline.search.baseUrl() + "/api/alerts/" + id);
        Map<String, String> fields = new HashMap<>();
        if (view == null) {
            fields.put("(view)", "GET /api/alerts/" + id + " did not answer 200");
            return fields;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = view.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey().toLowerCase();
            JsonNode value = field.getValue();
            boolean set = !value.isNull() && !(value.isBoolean() && !value.asBoolean())
                    && !(value.isTextual() && value.asText().isBlank());
            if ((name.contains("fail") || name.contains("error")) && set) {
                fields.put(field.getKey(), FaultApi.abbreviate(value.toString()));
            }
        }
        return fields;
    }

    void deleteAll() {
        for (String id : created) {
            try {
                FaultApi.delete(Pipeline.search.baseUrl() + "/api/alerts/" + id);
            } catch (IOException e) {
                // the suite's own subscriptions only match the suite's own source
            }
        }
    }
}
