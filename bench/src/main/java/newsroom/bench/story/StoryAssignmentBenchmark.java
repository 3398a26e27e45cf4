package newsroom.bench.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import newsroom.events.EventJson;
import newsroom.search.config.SearchConfig;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.story.config.StoryConfig;
import newsroom.search.story.service.RecentStories;
import newsroom.search.story.service.StoryAssigner;
import newsroom.search.story.service.StoryBatch;
import newsroom.search.story.repository.StoryCandidateSearch;
import newsroom.search.story.repository.StoryStore;
import newsroom.search.story.repository.TermStatsReader;
import newsroom.bench.ConfigDefaults;
import newsroom.stack.LocalStack;
import newsroom.stack.StackConfig;

/**
 * Story assignment time per article with 100,000 articles already indexed, in the real Elasticsearch of the test
 * stack, through the search-service's own {@link StoryAssigner} (its term statistics, bounded candidate search and
 * story look-ups) with its default settings. The archive is bulk-loaded straight into a benchmark index: synthetic
 * events over two years, each reported by several articles that already carry their story and keys. Then new
 * articles, about half of them on events already in the index, are assigned one at a time (the indexer's worst case:
 * a batch of one). Prints p50/p99; asserts nothing.
 *
 * <p>Run: {@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.story.StoryAssignmentBenchmark}
 * (options: {@code -Dbench.articles=100000 -Dbench.assign=1000 -Dbench.es=http://host:port}). The index
 * {@code bench-stories-v1} is kept and reused when it already holds the articles.
 */
public final class StoryAssignmentBenchmark {
    static final String INDEX = "bench-stories-v1";

    public static void main(String[] args) throws Exception {
        int articles = Integer.getInteger("bench.articles", 100_000);
        int assign = Integer.getInteger("bench.assign", 1000);
        String es = System.getProperty("bench.es");
        if (es == null) {
            es = LocalStack.ensureRunning(StackConfig.test()).elasticsearchUrl();
        }
        System.out.printf("[story-bench] Elasticsearch %s, %d articles indexed, %d assigned%n", es, articles, assign);
        SearchConfig searchConfig = ConfigDefaults.of(SearchConfig.class, Map.of("name", INDEX,
                "alias", "bench-stories"));
        StoryConfig storyConfig = ConfigDefaults.of(StoryConfig.class, Map.of());
        try (RestClient rest = RestClient.builder(HttpHost.create(es)).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest,
                    new JacksonJsonpMapper(EventJson.configure(new ObjectMapper()))));
            ArticleIndex index = new ArticleIndex(client, searchConfig);
            SyntheticEvents events = new SyntheticEvents(42);
            fill(client, index, events, articles);
            StoryStore store = new StoryStore(client, index);
            StoryAssigner assigner = new StoryAssigner(store, new TermStatsReader(client, index),
                    new StoryCandidateSearch(client, index),
                    new RecentStories(storyConfig), storyConfig);
            Random random = new Random(7);
            Instant now = Instant.now();
            int warm = Math.max(50, assign / 5);
            long[] nanos = new long[assign];
            long[] applyNanos = new long[assign];
            int joined = 0;
            for (int i = -warm; i < assign; i++) {
                // half of them on an archived event (they should join it), half on events never seen
                int event = random.nextBoolean() ? random.nextInt(events.eventsFor(articles))
                        : events.eventsFor(articles) + 1_000_000 + i + warm;
                ArticleDocument doc = ArticleDocument.of(events.article("new-" + i + "-" + System.nanoTime(),
                        event, random.nextInt(1_000)), now);
                long start = System.nanoTime();
                StoryBatch batch = assigner.assign(List.of(doc));
                long assigned = System.nanoTime();
                batch.apply();
                long applied = System.nanoTime();
                if (i >= 0) {
                    nanos[i] = assigned - start;
                    applyNanos[i] = applied - assigned;
                    if (!batch.documents().get(0).storyId().equals("s-" + doc.id())) {
                        joined++;
                    }
                }
            }
            print("assignment (decide the story)", nanos);
            print("recording (new story, remembered)", applyNanos);
            System.out.printf("[story-bench] %d of %d joined an existing story%n", joined, assign);
            System.out.printf("[story-bench] machine load average: %.1f on %d cores%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    static void print(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("[story-bench] %-32s p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (n=%d)%n", name,
                sorted[n / 2] / 1e6, sorted[(int) Math.ceil(n * 0.99) - 1] / 1e6, sorted[n - 1] / 1e6, n);
    }

    /** The archive: {@code PER_EVENT} articles per event, already in their story, bulk-loaded with refresh off. */
    static void fill(ElasticsearchClient client, ArticleIndex index, SyntheticEvents events, int articles)
            throws Exception {
        boolean exists = client.indices().exists(e -> e.index(INDEX)).value();
        if (exists && client.count(c -> c.index(INDEX)).count() >= articles) {
            System.out.printf("[story-bench] reusing %s%n", INDEX);
            return;
        } else if (exists) {
            client.indices().delete(d -> d.index(INDEX));
        }
        index.ensureExists();
        long start = System.nanoTime();
        Instant now = Instant.now();
        List<BulkOperation> ops = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            int event = i / SyntheticEvents.PER_EVENT;
            ArticleDocument doc = ArticleDocument.of(events.article("arch-" + i, event, i), now);
            ArticleDocument inStory = doc.withStory("s-arch-" + event * SyntheticEvents.PER_EVENT, events.keys(doc));
            ops.add(BulkOperation.of(o -> o.index(x -> x.index(INDEX).id(inStory.id()).document(inStory))));
            if (ops.size() == 2000 || i == articles - 1) {
                List<BulkOperation> chunk = List.copyOf(ops);
                ops.clear();
                if (client.bulk(b -> b.operations(chunk).refresh(Refresh.False)).errors()) {
                    throw new IllegalStateException("a bulk request of the archive failed near article " + i);
                }
            }
        }
        index.refresh();
        System.out.printf("[story-bench] loaded %d articles in %.1f s%n", articles, (System.nanoTime() - start) / 1e9);
    }

    /** Deterministic synthetic events: each has a date, a few entities and its own words among common ones. */
    static final class SyntheticEvents {
        static final int PER_EVENT = 4;
        static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
        private final String[] vocabulary = new String[20_000];
        private final long seed;

        SyntheticEvents(long seed) {
            this.seed = seed;
            Random r = new Random(seed);
            String letters = "bcdfghklmnprstvz";
            String vowels = "aeiou";
            for (int i = 0; i < vocabulary.length; i++) {
                StringBuilder w = new StringBuilder();
                int syllables = 2 + r.nextInt(2);
                for (int s = 0; s < syllables; s++) {
                    w.append(letters.charAt(r.nextInt(letters.length()))).append(vowels.charAt(r.nextInt(vowels.length())));
                }
                vocabulary[i] = w.append(i).toString();
            }
        }

        int eventsFor(int articles) {
            return articles / PER_EVENT;
        }

        /** An article about {@code event}; {@code variant} picks its words, outlet and hour. */
        newsroom.events.EnrichedArticle article(String id, int event, int variant) {
            Random e = new Random(seed * 31 + event);
            Random v = new Random(seed * 17 + variant * 7919L + event);
            Instant date = START.plus(Duration.ofMinutes(e.nextInt(2 * 365 * 24 * 60)))
                    .plus(Duration.ofMinutes(v.nextInt(36 * 60)));
            String[] own = new String[12];
            for (int i = 0; i < own.length; i++) {
                own[i] = vocabulary[2000 + e.nextInt(vocabulary.length - 2000)];
            }
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 80; w++) {
                body.append(v.nextInt(5) < 2 ? own[v.nextInt(own.length)] : vocabulary[zipf(v, 2000)]).append(' ');
            }
            StringBuilder title = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                title.append(w % 2 == 0 ? own[v.nextInt(own.length)] : vocabulary[zipf(v, 2000)]).append(' ');
            }
            List<newsroom.events.ArticleEntity> entities = new ArrayList<>();
            int k = 2 + e.nextInt(4);
            for (int i = 0; i < k; i++) {
                int n = zipf(e, 5000);
                if (entities.stream().noneMatch(x -> x.id().equals("organization:bench-" + n))) {
                    entities.add(new newsroom.events.ArticleEntity("organization:bench-" + n, "Bench " + n,
                            newsroom.events.EntityType.ORGANIZATION, List.of(), 1, 0.3 + 0.7 * v.nextDouble()));
                }
            }
            String source = "outlet-" + v.nextInt(40);
            return new newsroom.events.EnrichedArticle(newsroom.events.EnrichedArticle.SCHEMA_VERSION, id,
                    "https://" + source + ".example/" + id, source, title.toString().strip(), body.toString().strip(),
                    "en", date, date.plusSeconds(30), "h-" + id, null, entities,
                    new newsroom.events.NlpInfo("bench", "1", 0));
        }

        /** Keys as the assigner would make them, from approximate rarity (a word's rank stands for its frequency). */
        ArticleDocument.StoryKeys keys(ArticleDocument doc) {
            Map<String, Integer> tf = new HashMap<>();
            for (String w : (doc.title() + " " + doc.title() + " " + doc.body()).split(" ")) {
                tf.merge(w, 1, Integer::sum);
            }
            Map<String, Double> terms = new HashMap<>();
            tf.forEach((w, n) -> terms.put(w, (1 + Math.log(n)) * (rank(w) < 2000 ? 1 + rank(w) / 1000.0 : 9)));
            Map<String, Double> top = new HashMap<>();
            terms.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(25)
                    .forEach(x -> top.put(x.getKey(), Math.round(x.getValue() * 1000) / 1000.0));
            Map<String, Double> entities = new HashMap<>();
            doc.entities().forEach(x -> entities.put(x.id(), (0.25 + 0.75 * x.salience()) * 5));
            return new ArticleDocument.StoryKeys(top, entities);
        }

        private static int rank(String word) {
            int at = word.length() - 1;
            while (at > 0 && Character.isDigit(word.charAt(at - 1))) {
                at--;
            }
            return Integer.parseInt(word.substring(at));
        }

        private static int zipf(Random r, int n) {
            double x = Math.pow(n + 1.0, r.nextDouble()) - 1;
            return Math.min(n - 1, (int) x);
        }
    }
}
