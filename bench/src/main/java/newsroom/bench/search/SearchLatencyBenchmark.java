package newsroom.bench.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.events.Mention;
import newsroom.events.NlpInfo;
import newsroom.search.ArticleQuery;
import newsroom.bench.ConfigDefaults;
import newsroom.search.config.SearchConfig;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.EntityDirectory;
import newsroom.search.service.ArticleSearch;
import newsroom.search.service.EntityMerges;
import newsroom.stack.LocalStack;
import newsroom.stack.StackConfig;

/**
 * Search latency on 100,000 generated articles in the real Elasticsearch of the test stack: p50/p99 of a text query,
 * an entity filter, and an entity filter with facets, through the search-service's own {@link ArticleSearch}
 * (same queries, highlights and facets as {@code GET /api/search}). Prints figures, asserts nothing.
 *
 * <p>Run: {@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.search.SearchLatencyBenchmark}
 * (options: {@code -Dbench.articles=100000 -Dbench.queries=1000 -Dbench.es=http://host:port}).
 * The index {@code bench-articles-v1} is kept and reused when it already holds the articles.
 */
public final class SearchLatencyBenchmark {
    static final String ALIAS = "bench-articles";
    static final String INDEX = "bench-articles-v3";

    public static void main(String[] args) throws Exception {
        int articles = Integer.getInteger("bench.articles", 100_000);
        int queries = Integer.getInteger("bench.queries", 1000);
        String es = System.getProperty("bench.es");
        if (es == null) {
            es = LocalStack.ensureRunning(StackConfig.test()).elasticsearchUrl();
        }
        System.out.printf("[search-bench] Elasticsearch %s, %d articles, %d queries per kind%n", es, articles, queries);
        try (RestClient rest = RestClient.builder(HttpHost.create(es)).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest,
                    new JacksonJsonpMapper(EventJson.configure(new ObjectMapper()))));
            ArticleIndex index = new ArticleIndex(client, ConfigDefaults.of(SearchConfig.class,
                    Map.of("alias", ALIAS, "name", INDEX, "switchAliasWhenCaughtUp", "false")));
            Corpus corpus = new Corpus(new Random(42));
            fill(client, index, corpus, articles);
            ArticleSearch search = new ArticleSearch(client, index, new EntityDirectory(client, index),
                    new EntityMerges(), new SimpleMeterRegistry());
            Random random = new Random(7);
            System.out.printf("[search-bench] machine load average before queries: %.1f on %d cores%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            measure("text query (2 words, highlights)", queries, () -> search.search(ArticleQuery.parse(
                    corpus.word(random) + " " + corpus.word(random), null, null, null, null, null, null, "20", "false"),
                    null));
            measure("entity filter", queries, () -> search.search(ArticleQuery.parse(null,
                    List.of(corpus.entity(random).id()), null, null, null, null, null, "20", "false"), null));
            measure("entity filter + facets", queries, () -> search.search(ArticleQuery.parse(null,
                    List.of(corpus.entity(random).id()), null, null, null, null, null, "20", "true"), null));
            System.out.printf("[search-bench] machine load average after queries: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    static void measure(String name, int n, Call call) throws Exception {
        for (int i = 0; i < Math.max(50, n / 5); i++) {
            call.run(); // warm caches, JIT and the entity-name directory
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("[search-bench] %-34s p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (n=%d)%n", name,
                nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, nanos[n - 1] / 1e6, n);
    }

    static void fill(ElasticsearchClient client, ArticleIndex index, Corpus corpus, int articles) throws Exception {
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            long count = client.count(c -> c.index(INDEX)).count();
            if (count == articles) {
                System.out.printf("[search-bench] reusing %s (%d articles)%n", INDEX, count);
                return;
            }
            client.indices().delete(d -> d.index(INDEX));
        }
        index.ensureExists();
        client.indices().putSettings(s -> s.index(INDEX).settings(x -> x.refreshInterval(t -> t.time("-1"))));
        long start = System.nanoTime();
        int batch = 1000;
        Instant now = Instant.now();
        for (int from = 0; from < articles; from += batch) {
            List<BulkOperation> ops = new ArrayList<>(batch);
            for (int i = from; i < Math.min(articles, from + batch); i++) {
                ArticleDocument doc = ArticleDocument.of(corpus.article(i), now);
                ops.add(BulkOperation.of(o -> o.index(x -> x.index(INDEX).id(doc.id()).document(doc))));
            }
            BulkResponse response = client.bulk(b -> b.operations(ops));
            if (response.errors()) {
                throw new IllegalStateException("bulk failed: " + response.items().stream()
                        .filter(it -> it.error() != null).findFirst().map(it -> it.error().reason()).orElse("?"));
            }
            if ((from / batch) % 10 == 9) {
                System.out.printf("[search-bench] indexed %d%n", from + batch);
            }
        }
        client.indices().putSettings(s -> s.index(INDEX).settings(x -> x.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(INDEX));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[search-bench] indexed %d articles in %.1f s (%.0f/s, bulk of %d)%n", articles, seconds,
                articles / seconds, batch);
    }

    /** A deterministic synthetic news corpus: invented words, a skewed set of entities, five sources, two years. */
    static final class Corpus {
        private final String[] words = new String[3000];
        private final ArticleEntity[] entities = new ArticleEntity[400];
        private final String[] sources = {"wire", "daily", "gazette", "herald", "radio"};
        private final long seed;

        Corpus(Random random) {
            this.seed = random.nextLong();
            String syllables = "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge go la le li lo lu ma me "
                    + "mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi za zo";
            String[] s = syllables.split(" ");
            for (int i = 0; i < words.length; i++) {
                words[i] = s[random.nextInt(s.length)] + s[random.nextInt(s.length)] + (i % 3 == 0 ? s[random.nextInt(s.length)] : "") + i % 10;
            }
            EntityType[] types = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.FACILITY,
                EntityType.LAW, EntityType.EVENT};
            for (int i = 0; i < entities.length; i++) {
                EntityType type = types[i % types.length];
                String name = capital(words[random.nextInt(words.length)]) + " " + capital(words[random.nextInt(words.length)]);
                entities[i] = new ArticleEntity(type.name().toLowerCase() + ":e" + i, name, type, List.of(), 1, 0.5);
            }
        }

        String word(Random random) {
            return words[zipf(random, words.length)];
        }

        ArticleEntity entity(Random random) {
            return entities[zipf(random, entities.length)];
        }

        EnrichedArticle article(int n) {
            Random r = new Random(seed + n);
            StringBuilder title = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                title.append(i == 0 ? capital(word(r)) : word(r)).append(' ');
            }
            int k = 2 + r.nextInt(7);
            List<ArticleEntity> picked = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            while (picked.size() < k) {
                ArticleEntity e = entity(r);
                if (ids.contains(e.id())) {
                    continue;
                }
                ids.add(e.id());
                int mentions = 1 + r.nextInt(3);
                List<Mention> list = new ArrayList<>();
                for (int m = 0; m < mentions; m++) {
                    for (int w = 0; w < 12; w++) {
                        body.append(word(r)).append(' ');
                    }
                    int start = title.length() + 2 + body.length();
                    body.append(e.name()).append(". ");
                    list.add(new Mention(start, start + e.name().length(), e.name()));
                }
                picked.add(new ArticleEntity(e.id(), e.name(), e.type(), list, mentions, Math.round(r.nextDouble() * 100) / 100.0));
            }
            for (int w = 0; w < 60; w++) {
                body.append(word(r)).append(w % 15 == 14 ? ". " : " ");
            }
            Instant published = Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofMinutes(r.nextInt(2 * 365 * 24 * 60)));
            String source = sources[r.nextInt(sources.length)];
            return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "bench-" + n,
                    "https://" + source + ".example/" + n, source, title.toString().strip(), body.toString().strip(),
                    "en", published, published.plusSeconds(30), "h" + n, null, picked, new NlpInfo("bench", "1", 0));
        }

        /** Roughly Zipf-distributed ranks: a few entities and words are everywhere, most are rare. */
        private static int zipf(Random r, int n) {
            double x = Math.pow(n + 1.0, r.nextDouble()) - 1;
            return Math.min(n - 1, (int) x);
        }

        private static String capital(String w) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
    }
}
