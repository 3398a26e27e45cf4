package newsroom.bench.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.Mention;
import newsroom.events.NlpInfo;

/**
 * A newsroom's standing subscriptions and its wire, generated from one seed: words and entities are drawn with Zipf
 * frequencies (a few very common, most rare), as in real text. Subscriptions are a third entity watches (any entity,
 * uniformly: desks watch the long tail too), a third text queries (rare single words, pairs of words, phrases, a word
 * with a prefix) and a third both (an entity and a common word). Every article mentions at least one watched entity,
 * so each has an alert whose latency can be measured.
 */
final class AlertWorkload {
    static final int VOCABULARY = 20_000;
    static final int ENTITIES = 50_000;
    private static final String[] SYLLABLES = { "ka", "lo", "mi", "ra", "ten", "vo", "sul", "dri", "ne", "por", "gan",
        "fi", "tu", "bre", "cho", "la", "den", "mar", "si", "zo" };
    private static final EntityType[] TYPES = { EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION,
        EntityType.EVENT };

    private final String run;
    private final Random random;
    private final double[] wordCdf = cdf(VOCABULARY);
    private final double[] entityCdf = cdf(ENTITIES);
    private final List<Integer> watched = new ArrayList<>();

    AlertWorkload(String run, long seed) {
        this.run = run;
        this.random = new Random(seed);
    }

    /** A subscription row: q (or null) and the entity id it watches (or null). */
    record Subscription(String id, String name, String q, String entity) {
    }

    static String word(int rank) {
        int n = rank * 7 + 3; // spread ranks over the syllable space, four syllables each
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            w.append(SYLLABLES[n % SYLLABLES.length]);
            n /= SYLLABLES.length;
        }
        return w.toString();
    }

    String entityId(int rank) {
        return TYPES[rank % TYPES.length].name().toLowerCase() + ":bench-" + rank + "-" + run;
    }

    static String entityName(int rank) {
        return "Figure " + word(rank % VOCABULARY) + " " + rank;
    }

    Subscription subscription(int i) {
        String id = "bench-" + run + "-" + i;
        switch (i % 3) {
            case 0 -> {
                int e = random.nextInt(ENTITIES);
                watched.add(e);
                return new Subscription(id, "watch " + i, null, entityId(e));
            }
            case 1 -> {
                return new Subscription(id, "query " + i, textQuery(), null);
            }
            default -> {
                int e = random.nextInt(ENTITIES);
                return new Subscription(id, "watch and query " + i, word(50 + random.nextInt(1950)), entityId(e));
            }
        }
    }

    private String textQuery() {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return word(5000 + random.nextInt(VOCABULARY - 5000)); // a rare word
        }
        String a = word(50 + random.nextInt(4950));
        String b = word(50 + random.nextInt(4950));
        return switch (kind) {
            case 3, 4, 5, 6 -> a + " " + b;
            case 7, 8 -> "\"" + a + " " + b + "\"";
            default -> a + " " + b.substring(0, 6) + "*";
        };
    }

    EnrichedArticle article(String id, String source) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String w = word(draw(wordCdf));
            body.append(i % 15 == 0 ? ". " + Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            title.append(i == 0 ? "" : " ").append(word(draw(wordCdf)));
        }
        Set<Integer> mentioned = new LinkedHashSet<>();
        mentioned.add(watched.get(random.nextInt(watched.size())));
        while (mentioned.size() < 8) {
            mentioned.add(draw(entityCdf));
        }
        List<ArticleEntity> entities = new ArrayList<>();
        for (int e : mentioned) {
            String name = entityName(e);
            body.append(". ").append(name).append(" said so");
            entities.add(new ArticleEntity(entityId(e), name, TYPES[e % TYPES.length],
                    List.of(new Mention(0, name.length(), name)), 1, 0.5));
        }
        Instant now = Instant.now();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, "https://bench.example/" + id, source,
                title.toString(), body.toString(), "en", now, now, "sha256:" + id, null, entities,
                new NlpInfo("bench", "1", 0));
    }

    private int draw(double[] cdf) {
        double x = random.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Cumulative Zipf (s = 1) over n ranks. */
    private static double[] cdf(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }
}
