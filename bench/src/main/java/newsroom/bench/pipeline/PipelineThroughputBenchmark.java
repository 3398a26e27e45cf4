package newsroom.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import newsroom.bench.BenchKey;
import newsroom.bench.ingest.BatchPost;
import newsroom.stack.StackConfig;

/**
 * The whole pipeline on the running demo system ({@code ./newsroom up}): posts generated news articles
 * ({@link NewsCorpus}, 300–800 words) in batches to the ingest-service's {@code /api/articles/batch}, waits until
 * every accepted one is searchable (the run's source listed through the search-service's {@code /api/search}), and
 * prints articles/s end to end (first post → last searchable) and the CPU seconds per article of every process of
 * the system (each service, Elasticsearch, Kafka, PostgreSQL, with all their child processes), from {@code /proc},
 * sampled before the first post and when the last article became searchable. The load average at start and end
 * shows whether other work shared the machine. Asserts nothing about time.
 *
 * <pre>./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.pipeline.PipelineThroughputBenchmark \
 *     -Dexec.args="articles=1000 batch=200 [seed=N] [ingest=URL] [search=URL] [timeout=900] [key=nrk_...]"</pre>
 *
 * Processes are found as the launcher starts them: {@code <root>/<service>-service/target/quarkus-app/quarkus-run.jar}
 * and the servers whose command lines name the dev stack's directory ({@code <root>/.newsroom/stack/<server>}).
 */
public final class PipelineThroughputBenchmark {
    private static final Duration POLL = Duration.ofMillis(250);

    private PipelineThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = 1000;
        int batch = 200;
        long seed = System.nanoTime();
        String ingest = "http://127.0.0.1:8081";
        String search = "http://127.0.0.1:8080";
        int timeoutSeconds = 900;
        String givenKey = null;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("arguments are name=value, not " + a);
            }
            switch (kv[0]) {
                case "articles" -> count = Integer.parseInt(kv[1]);
                case "batch" -> batch = Integer.parseInt(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "ingest" -> ingest = kv[1];
                case "search" -> search = kv[1];
                case "timeout" -> timeoutSeconds = Integer.parseInt(kv[1]);
                case "key" -> givenKey = kv[1];
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        BenchKey key = BenchKey.resolve(givenKey);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        // a source of its own per run: the URLs are new, and the count of searchable articles is the run's alone
        String source = "pipebench-" + UUID.randomUUID().toString().substring(0, 8);
        List<NewsCorpus.Article> articles = new NewsCorpus(seed).generate(count, source);
        IntSummaryStatistics words = articles.stream().mapToInt(NewsCorpus.Article::words).summaryStatistics();
        List<byte[]> bodies = batches(json, articles, batch);

        Path root = StackConfig.projectRoot();
        ProcessCpu cpu = new ProcessCpu(Path.of("/proc"), groups(root, StackConfig.dev().baseDir()));
        long hz = ProcessCpu.clockTicks();
        System.out.printf("pipeline throughput: %d articles (%d–%d words, mean %.0f), batches of %d, source %s, "
                + "seed %d%n", count, words.getMin(), words.getMax(), words.getAverage(), batch, source, seed);
        String loadStart = ProcessCpu.loadAverage(Path.of("/proc"));
        System.out.println("load average at start: " + loadStart);

        ProcessCpu.Sample before = cpu.sample();
        long t0 = System.nanoTime();
        int accepted = 0;
        int other = 0;
        for (byte[] body : bodies) {
            JsonNode result = BatchPost.send(http, key, json, URI.create(ingest), body);
            accepted += result.path("accepted").asInt();
            other += result.path("duplicates").asInt() + result.path("rejected").asInt();
        }
        double posted = (System.nanoTime() - t0) / 1e9;
        System.out.printf("posted: %d accepted, %d duplicate or rejected, in %.1f s%n", accepted, other, posted);

        long searchable = 0;
        long deadline = t0 + timeoutSeconds * 1_000_000_000L;
        while ((searchable = total(http, key, json, search, source)) < accepted && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis()); // polling a remote service; nothing to block on from here
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProcessCpu.Sample after = cpu.sample();
        String loadEnd = ProcessCpu.loadAverage(Path.of("/proc"));
        System.out.printf("searchable: %d of %d accepted, %.1f s after the first post -> %.1f articles/s end to end%n",
                searchable, accepted, seconds, searchable / seconds);
        System.out.println("load average at end: " + loadEnd);
        ProcessCpu.print(before, after, hz, Math.max(1, searchable), seconds);
        if (searchable < accepted) {
            System.out.printf("NOT ALL SEARCHABLE within %d s%n", timeoutSeconds);
            System.exit(1);
        }
        int listed = verifyOnce(http, key, json, search, source);
        System.out.printf("listed: %d distinct articles of the run, none twice%n", listed);
    }

    /** The three services (by their packaged jars) and the stack's servers (by their directories). */
    public static List<ProcessCpu.Group> groups(Path root, Path stackDir) {
        List<ProcessCpu.Group> groups = new ArrayList<>();
        for (String service : List.of("ingest", "nlp", "search")) {
            String jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar").toString();
            groups.add(new ProcessCpu.Group(service + "-service", cmd -> cmd.contains(jar)));
        }
        for (String server : List.of("elasticsearch", "kafka", "postgres")) {
            // kafka also matches the nodes of a cluster (kafka-1, kafka-2, ...)
            String dir = stackDir.resolve(server).toString();
            groups.add(new ProcessCpu.Group(server, cmd -> cmd.contains(dir + "/") || cmd.contains(dir + "-")));
        }
        return groups;
    }

    private static List<byte[]> batches(ObjectMapper json, List<NewsCorpus.Article> articles, int batch)
            throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (int from = 0; from < articles.size(); from += batch) {
            ArrayNode array = json.createArrayNode();
            for (NewsCorpus.Article a : articles.subList(from, Math.min(articles.size(), from + batch))) {
                array.addObject().put("url", a.url()).put("source", a.source()).put("title", a.title())
                        .put("body", a.body()).put("publishedAt", a.publishedAt()).put("language", "en");
            }
            out.add(json.writeValueAsBytes(array));
        }
        return out;
    }

    private static JsonNode searchPage(HttpClient http, BenchKey key, ObjectMapper json, String search, String query)
            throws IOException, InterruptedException {
        HttpResponse<String> response = key.send(http, HttpRequest.newBuilder(URI.create(search + "/api/search?"
                + query)).timeout(Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("search answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static long total(HttpClient http, BenchKey key, ObjectMapper json, String search, String source)
            throws IOException, InterruptedException {
        return searchPage(http, key, json, search, "source=" + encode(source) + "&size=0&facets=false")
                .path("total").asLong();
    }

    /** Lists the run's articles page by page; fails if one comes twice. Returns how many there are. */
    private static int verifyOnce(HttpClient http, BenchKey key, ObjectMapper json, String search, String source)
            throws IOException, InterruptedException {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = searchPage(http, key, json, search, "source=" + encode(source) + "&size=100&facets=false"
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            for (JsonNode hit : page.path("hits")) {
                if (!seen.add(hit.path("id").asText())) {
                    throw new IllegalStateException("article " + hit.path("id").asText() + " listed twice");
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return seen.size();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
