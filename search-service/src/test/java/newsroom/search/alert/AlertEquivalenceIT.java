package newsroom.search.alert;

import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.search.alert.messaging.AlertArticleConsumer;
import newsroom.search.alert.service.AlertMonitor;
import newsroom.search.service.EntityMerges;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.TestKeys;

/**
 * The alerts fired equal what {@code /api/search} finds: thousands of generated subscriptions (entity watches, text
 * queries with every operator of the simple query syntax, combinations, type and source filters, watches on ids the
 * knowledge base merged) against generated articles sent through Kafka. For each subscription, the articles it
 * matched must be exactly the search's hits among those articles. Thousands of calls: made with the JDK's client (a
 * RestAssured call costs far more on a busy machine).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestProfile(AlertEquivalenceIT.Unlimited.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertEquivalenceIT {
    static final Duration WAIT = Duration.ofSeconds(180);
    static final int SUBSCRIPTIONS = 2000;
    static final int ARTICLES = 400;

    /** Several thousand API calls in a minute: the per-key rate limit would only slow the test down. */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.access.rate-limit.enabled", "false");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URI root;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper json = new ObjectMapper();

    @Inject
    AlertArticleConsumer consumer;

    @Inject
    AlertMonitor monitor;

    @Inject
    EntityMerges merges;

    AlertKafka kafka;
    final List<String> created = new ArrayList<>();

    @BeforeAll
    void kafka() {
        kafka = new AlertKafka(bootstrap);
        await().atMost(WAIT).until(() -> consumer.isAssigned() && monitor.isLoaded());
    }

    @AfterAll
    void cleanUp() {
        created.forEach(id -> call("DELETE", "/api/alerts/" + id, null)); // the shared database outlives this class
        kafka.close();
    }

    @Test
    void everySubscriptionMatchesExactlyWhatSearchFinds() {
        String u = unique();
        Random random = new Random(20251130L);
        List<String> sources = List.of("eqa-" + u, "eqb-" + u, "eqc-" + u);
        List<String> words = List.of("harbour", "tariff", "senate", "drought", "vaccine", "strike", "budget",
                "ballot", "bridge", "census", "quarry", "lagoon").stream().map(w -> w + u).toList();
        EntityType[] types = { EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.LAW };
        List<Ent> entities = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            EntityType type = types[i % types.length];
            String name = "Figure" + i + u;
            entities.add(new Ent(type.name().toLowerCase(Locale.ROOT) + ":f" + i + "-" + u, name, type, 0.5, name));
        }
        // Ids the knowledge base merged into entities of the articles (one merge undone): a watch on them must
        // match like a search for them.
        List<String> watchable = new ArrayList<>(entities.stream().map(Ent::id).toList());
        for (int k = 0; k < 4; k++) {
            String absorbed = "organization:absorbed" + k + "-" + u;
            merges.merged(absorbed, entities.get(k).id());
            watchable.add(absorbed);
        }
        merges.unmerged("organization:absorbed3-" + u, null);

        List<JsonNode> subscriptions = new ArrayList<>(); // each as the API stored it (the view POST answers with)
        Map<String, Integer> kinds = new HashMap<>();
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            Map<String, Object> def = new HashMap<>();
            def.put("name", "eq " + i + " " + u);
            int mix = i % 3; // a third entity watches, a third text queries, a third both
            boolean negativeOnly = false;
            if (mix != 0) {
                int kind = random.nextInt(17);
                kinds.merge("text kind " + kind, 1, Integer::sum);
                negativeOnly = kind == 11;
                def.put("q", text(kind, random, words));
            }
            if (mix != 1) {
                List<String> watched = new ArrayList<>();
                watched.add(watchable.get(random.nextInt(watchable.size())));
                if (random.nextInt(6) == 0) {
                    watched.add(watchable.get(random.nextInt(watchable.size())));
                }
                def.put("entity", watched.stream().distinct().toList());
            }
            if (random.nextInt(5) == 0) {
                def.put("type", List.of(types[random.nextInt(types.length)].name(),
                        types[random.nextInt(types.length)].name()).stream().distinct().toList());
            }
            if (random.nextInt(3) == 0 || negativeOnly) {
                def.put("source", List.of(sources.get(random.nextInt(sources.size()))));
            }
            subscriptions.add(create(def));
        }
        assertThat(monitor.byTarget(AlertMonitor.Target.ELASTICSEARCH)).isNotEmpty(); // the fuzzy ones
        // One watch per source: once each has every article of its source, the batch has been matched.
        List<String> sentinels = sources.stream().map(s -> create(Map.of("name", "all of " + s, "source", List.of(s))))
                .map(view -> view.get("id").asText()).toList();

        Set<String> generated = new HashSet<>();
        List<EnrichedArticle> batch = new ArrayList<>();
        Instant base = Instant.parse("2025-09-01T00:00:00Z");
        for (int i = 0; i < ARTICLES; i++) {
            List<Ent> mentioned = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                Ent e = entities.get(random.nextInt(entities.size()));
                if (!mentioned.contains(e)) {
                    mentioned.add(e);
                }
            }
            StringBuilder body = new StringBuilder("Dispatch " + i + ":");
            for (int k = 0; k < 8; k++) {
                String w = words.get(random.nextInt(words.size()));
                body.append(random.nextInt(6) == 0 ? "-" : " ").append(variant(w, random));
            }
            for (Ent e : mentioned) {
                body.append(" with ").append(e.name());
            }
            String id = "eqv" + i + "-" + u;
            generated.add(id);
            batch.add(article(id, sources.get(i % sources.size()), base.plusSeconds(60L * i),
                    variant(words.get(random.nextInt(words.size())), random) + " "
                            + words.get(random.nextInt(words.size())),
                    body.toString(), mentioned.toArray(Ent[]::new)));
        }
        kafka.send(batch);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> sentinels.stream()
                .mapToInt(s -> matchedArticles(s).size()).sum() == ARTICLES);

        int nonEmpty = 0;
        int differing = 0;
        List<String> report = new ArrayList<>();
        for (JsonNode def : subscriptions) {
            String id = def.get("id").asText();
            Set<String> searched = searchIds(def);
            searched.retainAll(generated);
            Set<String> alerted = matchedArticles(id);
            alerted.retainAll(generated);
            if (!searched.isEmpty()) {
                nonEmpty++;
            }
            if (!alerted.equals(searched)) {
                differing++;
                if (report.size() < 20) {
                    report.add(def.path("q").asText(null) + " " + def.get("entity") + " " + def.get("type") + " "
                            + def.get("source") + ": search " + searched.size() + ", alerts " + alerted.size());
                }
            }
        }
        assertThat(report).as("subscriptions whose alerts differ from search (%d of %d)", differing,
                SUBSCRIPTIONS).isEmpty();
        assertThat(nonEmpty).as("subscriptions with hits").isGreaterThan(SUBSCRIPTIONS / 3);
    }

    /** A text query of the given kind: every operator /api/search accepts, alone and combined. */
    static String text(int kind, Random random, List<String> words) {
        String w1 = words.get(random.nextInt(words.size()));
        String w2 = words.get(random.nextInt(words.size()));
        String w3 = words.get(random.nextInt(words.size()));
        return switch (kind) {
            case 0 -> w1;
            case 1 -> w1 + " " + w2;
            case 2 -> w1 + " | " + w2;
            case 3 -> "-" + w1 + " " + w2;
            case 4 -> "\"" + w1 + " " + w2 + "\"";
            case 5 -> "\"" + w1 + " " + w2 + "\"~2";
            case 6 -> w1.substring(0, w1.length() - 3) + "*";
            case 7 -> "(" + w1 + " | " + w2 + ") -" + w3;
            case 8 -> w1 + "-" + w2;
            case 9 -> accented(w1).toUpperCase(Locale.ROOT);
            case 10 -> w1 + " + " + w2 + " | " + w3;
            case 11 -> "-" + w1;
            case 12 -> random.nextInt(4) == 0 ? w1 + "~1" : w1 + " " + w3; // fuzzy: matched on Elasticsearch
            case 13 -> "\"" + w1 + "\" " + w2.substring(0, 5) + "*";
            case 14 -> w1 + " \\- " + w2;
            case 15 -> w1 + " & " + w2;
            default -> w1 + " | (" + w2 + " -\"" + w3 + " " + w1 + "\")";
        };
    }

    /** The word as an article may spell it: capitalised, accented, or plain. */
    static String variant(String word, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
            case 1 -> accented(word);
            default -> word;
        };
    }

    static String accented(String word) {
        return word.replaceFirst("a", "á").replaceFirst("e", "é");
    }

    private JsonNode create(Map<String, Object> definition) {
        JsonNode view = call("POST", "/api/alerts", definition);
        created.add(view.get("id").asText());
        return view;
    }

    private Set<String> matchedArticles(String alert) {
        Set<String> ids = new HashSet<>();
        call("GET", "/api/alerts/" + alert + "/matches?limit=500", null)
                .forEach(m -> ids.add(m.path("match").path("articleId").asText()));
        return ids;
    }

    /**
     * The ids /api/search returns for a subscription's parameters, following the cursor to the end. Sorted by date:
     * the same hits as by relevance, without the point in time a relevance search opens and closes (two more
     * Elasticsearch calls per search, thousands here).
     */
    private Set<String> searchIds(JsonNode def) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            StringBuilder query = new StringBuilder("/api/search?size=100&facets=false&sort=date");
            if (def.hasNonNull("q")) {
                query.append("&q=").append(encode(def.get("q").asText()));
            }
            for (String key : List.of("entity", "type", "source")) {
                def.path(key).forEach(v -> query.append('&').append(key).append('=').append(encode(v.asText())));
            }
            if (cursor != null) {
                query.append("&cursor=").append(encode(cursor));
            }
            JsonNode page = call("GET", query.toString(), null);
            page.path("hits").forEach(h -> ids.add(h.path("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One call with the test admin key; anything but a 2xx fails the test. */
    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(root.resolve(path.substring(1)))
                    .header("X-Api-Key", TestKeys.ADMIN).header("Content-Type", "application/json")
                    .method(method, publisher).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as("%s %s: %s", method, path, new String(r.body(), StandardCharsets.UTF_8))
                    .isBetween(200, 299);
            return r.body().length == 0 ? json.nullNode() : json.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
