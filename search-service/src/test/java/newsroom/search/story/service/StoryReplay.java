package newsroom.search.story.service;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.smallrye.config.WithDefault;
import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.config.StoryConfig;

/**
 * Story assignment replayed offline over what a {@code StoryGoldSetIT} pass indexed (its dump,
 * {@code e2e-tests/target/story-gold-keys-a.json} and {@code -b.json}): each article's keys, date and language, in the
 * order the pass posted them, through the same {@link StoryMatcher} and join/merge rules as {@link StoryAssigner}
 * (every earlier article within the window is a candidate), scored by B-cubed precision and recall. For tuning in
 * seconds; the real pipeline ({@code StoryGoldSetIT}) stays the proof. Settings: the {@link StoryConfig} defaults,
 * each overridable as {@code -Dreplay.<name>=value}; {@code -Dreplay.explain=g012} prints one gold article's scores.
 */
public final class StoryReplay {

    record Article(String id, String gold, String story, Instant date, String language, StoryKeys keys,
            Map<String, String> names) {
    }

    public static void main(String[] args) throws IOException {
        StoryConfig config = config();
        for (String file : args) {
            List<Article> articles = load(Path.of(file));
            Map<String, String> predicted = replay(articles, config, System.getProperty("replay.explain"));
            Map<String, String> gold = new HashMap<>();
            articles.forEach(a -> gold.put(a.id(), a.story()));
            System.out.printf(Locale.ROOT, "%s: B-cubed precision %.3f recall %.3f (%d stories for %d)%n", file,
                    bcubed(predicted, gold), bcubed(gold, predicted), predicted.values().stream().distinct().count(),
                    gold.values().stream().distinct().count());
            if (Boolean.getBoolean("replay.errors")) {
                errors(articles, predicted);
            }
        }
    }

    /** Article id → story, as the assigner would decide in this order. */
    static Map<String, String> replay(List<Article> articles, StoryConfig config, String explain) {
        StoryMatcher matcher = new StoryMatcher(config);
        Map<String, String> storyOf = new LinkedHashMap<>();
        Map<String, String> merges = new HashMap<>();
        Map<String, Instant> firstSeen = new HashMap<>();
        List<Article> done = new ArrayList<>();
        for (Article a : articles) {
            StoryMatcher.Stories stories = new StoryMatcher.Stories();
            for (Article d : done) {
                Duration gap = Duration.between(d.date(), a.date()).abs();
                if (gap.compareTo(config.window()) <= 0) {
                    stories.add(root(storyOf.get(d.id()), merges), d.keys(), gap);
                }
            }
            if (a.gold().equals(explain)) {
                System.out.println(a.gold() + " " + a.names().values());
                matcher.scores(a.keys(), stories.members()).forEach((s, sc) -> System.out.println("  " + s + " " + sc
                        + " combined " + sc.combined(config.entityWeight()) + " quiet " + stories.quiet(s)
                        + " joins " + sc.joins(config, stories.quiet(s))));
            }
            StoryMatcher.Decision decision = matcher.decide(a.keys(), stories, Comparator.comparing(firstSeen::get));
            String target = decision.target();
            if (target == null) {
                target = "s-" + a.gold();
                firstSeen.put(target, a.date());
            }
            for (String absorbed : decision.absorbed()) {
                merges.put(absorbed, target);
            }
            storyOf.put(a.id(), target);
            done.add(a);
        }
        Map<String, String> out = new LinkedHashMap<>();
        storyOf.forEach((id, s) -> out.put(id, root(s, merges)));
        return out;
    }

    private static String root(String story, Map<String, String> merges) {
        String at = story;
        while (merges.containsKey(at)) {
            at = merges.get(at);
        }
        return at;
    }

    /** B-cubed precision of {@code by} against {@code truth} (swap them for recall). */
    static double bcubed(Map<String, String> by, Map<String, String> truth) {
        Map<String, List<String>> clusters = new HashMap<>();
        by.forEach((item, label) -> clusters.computeIfAbsent(label, l -> new ArrayList<>()).add(item));
        double sum = 0;
        for (Map.Entry<String, String> e : by.entrySet()) {
            List<String> cluster = clusters.get(e.getValue());
            long right = cluster.stream().filter(o -> truth.get(o).equals(truth.get(e.getKey()))).count();
            sum += (double) right / cluster.size();
        }
        return sum / by.size();
    }

    private static void errors(List<Article> articles, Map<String, String> predicted) {
        Map<String, Map<String, List<String>>> byGold = new TreeMap<>();
        Map<String, Map<String, List<String>>> byPredicted = new TreeMap<>();
        for (Article a : articles) {
            String line = a.gold() + " " + a.language() + " " + a.date().toString().substring(5, 16) + " "
                    + a.names().values();
            byGold.computeIfAbsent(a.story(), s -> new TreeMap<>()).computeIfAbsent(predicted.get(a.id()),
                    s -> new ArrayList<>()).add(line);
            byPredicted.computeIfAbsent(predicted.get(a.id()), s -> new TreeMap<>()).computeIfAbsent(a.story(),
                    s -> new ArrayList<>()).add(line);
        }
        System.out.println("splits:");
        print(byGold);
        System.out.println("joins:");
        print(byPredicted);
    }

    private static void print(Map<String, Map<String, List<String>>> groups) {
        groups.forEach((label, parts) -> {
            if (parts.size() > 1) {
                System.out.println("  " + label);
                parts.forEach((part, lines) -> lines.forEach(l -> System.out.println("    [" + part + "] " + l)));
            }
        });
    }

    static List<Article> load(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        JsonNode root = json.readTree(Files.readString(file));
        List<Article> out = new ArrayList<>();
        for (JsonNode doc : root.get("mget").get("docs")) {
            JsonNode source = doc.get("_source");
            JsonNode gold = root.get("gold").get(doc.get("_id").asText());
            StoryKeys keys = json.treeToValue(source.get("storyKeys"), StoryKeys.class);
            String language = source.path("language").asText(null);
            keys = new StoryKeys(keys.terms(), keys.entities(), language);
            Map<String, String> names = new LinkedHashMap<>();
            keys.entities().keySet().forEach(id -> names.put(id, id));
            for (JsonNode e : source.path("entities")) {
                if (names.containsKey(e.get("id").asText())) {
                    names.put(e.get("id").asText(), e.get("name").asText());
                }
            }
            out.add(new Article(doc.get("_id").asText(), gold.get("gold").asText(), gold.get("story").asText(),
                    Instant.parse(source.get("date").asText()), language, keys, names));
        }
        return out;
    }

    /** The {@link StoryConfig} defaults, each overridable by {@code -Dreplay.<name>}. */
    static StoryConfig config() {
        return (StoryConfig) Proxy.newProxyInstance(StoryConfig.class.getClassLoader(),
                new Class<?>[] {StoryConfig.class}, (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("hashCode") ? 0 : method.getName().equals("equals")
                                ? self == args[0] : "StoryConfig";
                    }
                    String value = System.getProperty("replay." + method.getName(),
                            method.getAnnotation(WithDefault.class).value());
                    Class<?> t = method.getReturnType();
                    if (t == int.class) {
                        return Integer.parseInt(value);
                    } else if (t == double.class) {
                        return Double.parseDouble(value);
                    } else if (t == boolean.class) {
                        return Boolean.parseBoolean(value);
                    }
                    return Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
                });
    }
}
