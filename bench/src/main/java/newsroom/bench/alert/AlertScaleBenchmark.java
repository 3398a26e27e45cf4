package newsroom.bench.alert;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

import newsroom.bench.BenchKey;
import newsroom.bench.pipeline.PipelineThroughputBenchmark;
import newsroom.bench.pipeline.ProcessCpu;
import newsroom.events.AlertMatch;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.stack.LocalStack;
import newsroom.stack.RunningStack;
import newsroom.stack.StackConfig;

/**
 * Alert matching at scale (issue 12): 100,000 active subscriptions ({@link AlertWorkload}: a third entity watches, a
 * third text queries, a third both) loaded into PostgreSQL with COPY, the packaged search-service started on them (on
 * the test stack, with a database, topic, index and consumer groups of this run's own), then enriched articles
 * produced at a steady rate. Prints the monitor's load time at start and its memory (heap after a full GC with the
 * subscriptions, minus the same with none), matching time per article (p50/p99, the service's own timer), and per
 * article the time from the broker's acknowledgement to the article being searchable and to its first alert on the
 * SSE stream (p50/p99), and from searchable to the alert. Asserts nothing.
 *
 * <p>Run (after {@code ./mvnw -q -pl search-service package -DskipTests}): {@code ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=newsroom.bench.alert.AlertScaleBenchmark} (options: {@code -Dbench.subscriptions=100000
 * -Dbench.articles=1200 -Dbench.rate=20 -Dbench.xmx=2g}).
 */
public final class AlertScaleBenchmark {
    private static final String DATABASE = "newsroom_bench_alerts";
    /** The most pending articles one searchability poll asks about (the oldest). */
    private static final int WATCHED = 200;

    public static void main(String[] args) throws Exception {
        int subscriptions = Integer.getInteger("bench.subscriptions", 100_000);
        int articles = Integer.getInteger("bench.articles", 1200);
        int rate = Integer.getInteger("bench.rate", 20);
        String xmx = System.getProperty("bench.xmx", "2g");
        String run = UUID.randomUUID().toString().substring(0, 8);
        RunningStack stack = LocalStack.ensureRunning(StackConfig.test());
        String jdbc = stack.jdbcUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + DATABASE);
        try (Connection admin = DriverManager.getConnection(stack.jdbcUrl(), stack.username(), stack.password());
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        String topic = "bench.alerts.enriched." + run;
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            kafka.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap());
        settings.put("NEWSROOM_ELASTICSEARCH_HOSTS", stack.elasticsearchUrl());
        settings.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        settings.put("QUARKUS_DATASOURCE_USERNAME", stack.username());
        settings.put("QUARKUS_DATASOURCE_PASSWORD", stack.password());
        settings.put("NEWSROOM_SEARCH_INDEX_NAME", "bench-alerts-" + run);
        settings.put("NEWSROOM_SEARCH_INDEX_ALIAS", "bench-alerts-" + run + "-read");
        settings.put("NEWSROOM_SEARCH_INDEXER_TOPIC", topic);
        settings.put("MP_MESSAGING_INCOMING_ALERT_ARTICLES_TOPIC", topic);
        settings.put("MP_MESSAGING_INCOMING_ALERT_ARTICLES_GROUP_ID", "bench-alerts-" + run);
        settings.put("NEWSROOM_ACCESS_RATE_LIMIT_ENABLED", "false");
        BenchKey key = BenchKey.random();

        // Baseline: the same service with no subscription (this also creates the schema the rows are copied into).
        double emptyHeap;
        try (PackagedSearchService empty = PackagedSearchService.start(settings, key, xmx)) {
            empty.awaitMonitorLoaded(Duration.ofMinutes(3));
            emptyHeap = empty.heapAfterGcMb();
        }
        AlertWorkload workload = new AlertWorkload(run, 12L);
        long copyStart = System.nanoTime();
        copySubscriptions(jdbc, stack, workload, subscriptions);
        System.out.printf("[alert-scale] %d subscriptions copied into PostgreSQL in %.1f s%n", subscriptions,
                (System.nanoTime() - copyStart) / 1e9);

        try (PackagedSearchService search = PackagedSearchService.start(settings, key, xmx)) {
            double loadSeconds = search.awaitMonitorLoaded(Duration.ofMinutes(15)); // a busy machine loads slowly
            double startToLoaded = Duration.between(search.startedAt, java.time.Instant.now()).toMillis() / 1000.0;
            double heap = search.heapAfterGcMb();
            System.out.printf("[alert-scale] monitor: %.0f in memory, %.0f on Elasticsearch; loaded in %.1f s "
                    + "(process start to loaded %.1f s); heap after GC %.0f MiB vs %.0f MiB with none: %.0f MiB%n",
                    search.metric("newsroom_alerts_monitor_queries"),
                    search.metric("newsroom_alerts_monitor_elasticsearch"), loadSeconds, startToLoaded, heap,
                    emptyHeap, heap - emptyHeap);
            measure(search, key, stack, workload, topic, articles, rate, "bench-alerts-" + run);
        } finally {
            try (Connection admin = DriverManager.getConnection(stack.jdbcUrl(), stack.username(), stack.password());
                    Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + DATABASE);
            }
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl()
                    + "/bench-alerts-" + run)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static void copySubscriptions(String jdbc, RunningStack stack, AlertWorkload workload, int n)
            throws Exception {
        StringBuilder csv = new StringBuilder(n * 96);
        for (int i = 0; i < n; i++) {
            AlertWorkload.Subscription s = workload.subscription(i);
            csv.append(s.id()).append(',').append(s.name()).append(",bootstrap-admin,")
                    .append(s.q() == null ? "" : '"' + s.q().replace("\"", "\"\"") + '"').append(',')
                    .append(s.entity() == null ? "\"\"" : s.entity()).append(",\"\",\"\",true,now(),now()\n");
        }
        String data = csv.toString().replace("now()", java.time.Instant.now().toString());
        try (Connection c = DriverManager.getConnection(jdbc, stack.username(), stack.password())) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy search.alert_subscription (id, name, owner, q, "
                    + "entities, types, sources, active, created_at, updated_at) from stdin with (format csv)",
                    new StringReader(data));
        }
    }

    private static void measure(PackagedSearchService search, BenchKey key, RunningStack stack, AlertWorkload workload,
            String topic, int articles, int rate, String index) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Long> ackedAt = new ConcurrentHashMap<>();
        Map<String, Long> searchableAt = new ConcurrentHashMap<>();
        Map<String, Long> alertedAt = new ConcurrentHashMap<>();
        // When the service recorded the match (AlertMatch.matchedAt, its wall clock), on this run's nanoTime scale:
        // splits searchable -> SSE into the service's wait for searchability and the delivery after it
        Map<String, Long> recordedAt = new ConcurrentHashMap<>();
        long wallOrigin = System.currentTimeMillis();
        long nanoOrigin = System.nanoTime();
        var stream = http.sendAsync(key.sign(HttpRequest.newBuilder(URI.create(search.url + "/api/alerts/stream")))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                stream.join().body().filter(l -> l.startsWith("data:")).forEach(l -> {
                    long now = System.nanoTime();
                    AlertMatch match = EventJson.fromJson(l.substring(5).strip(), AlertMatch.class);
                    alertedAt.putIfAbsent(match.articleId(), now);
                    recordedAt.putIfAbsent(match.articleId(), nanoOrigin
                            + TimeUnit.MILLISECONDS.toNanos(match.matchedAt().toEpochMilli() - wallOrigin));
                });
            } catch (RuntimeException closed) {
                // the stream is cancelled at the end
            }
        }, "alert-scale-sse");
        reader.setDaemon(true);
        reader.start();
        stream.join();
        Thread searchable = new Thread(() -> watchSearchable(http, stack.elasticsearchUrl() + "/" + index, ackedAt,
                searchableAt), "alert-scale-searchable");
        searchable.setDaemon(true);
        searchable.start();

        // A plain producer: the benchmark is a plain main outside any service (no Reactive Messaging runtime), feeding
        // the packaged search-service at a fixed rate, as AlertLatencyBenchmark does
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ProcessCpu cpu = new ProcessCpu(Path.of("/proc"),
                PipelineThroughputBenchmark.groups(StackConfig.projectRoot(), StackConfig.test().baseDir()));
        ProcessCpu.Sample cpuBefore = cpu.sample();
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            long next = System.nanoTime();
            for (int i = 0; i < articles; i++) {
                String id = "scale-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
                EnrichedArticle a = workload.article(id, "bench-wire");
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // a steady arrival rate
                }
                next += interval;
                producer.send(new ProducerRecord<>(topic, id, EventJson.toBytes(a)),
                        (meta, e) -> ackedAt.put(id, System.nanoTime()));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (alertedAt.size() < articles && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        stream.cancel(true);
        ProcessCpu.print(cpuBefore, cpu.sample(), ProcessCpu.clockTicks(), articles,
                (System.nanoTime() - started) / 1e9);

        // The first fifth warms the JIT and the caches up; figures are from the rest.
        List<String> measured = ackedAt.keySet().stream().filter(id -> index(id) >= articles / 5).toList();
        System.out.printf("[alert-scale] %d articles at %d/s: %d alerted on the stream, %d seen searchable%n",
                articles, rate, alertedAt.size(), searchableAt.size());
        print("acknowledged -> SSE alert", between(measured, ackedAt, alertedAt));
        print("acknowledged -> searchable", between(measured, ackedAt, searchableAt));
        print("searchable -> SSE alert", between(measured, searchableAt, alertedAt));
        print("  searchable -> match recorded", between(measured, searchableAt, recordedAt));
        print("  match recorded -> SSE alert", between(measured, recordedAt, alertedAt));
        String metrics = search.metrics();
        Matcher m = Pattern.compile("(?m)^newsroom_alerts_match_(article|batch|monitor)_seconds(\\{[^}]*quantile=\"([0-9.]+)\"[^}]*\\}|_max\\S*|_count\\S*|_sum\\S*)\\s+(\\S+)$")
                .matcher(metrics);
        while (m.find()) {
            System.out.println("[alert-scale] " + m.group());
        }
        System.out.printf("[alert-scale] matching per article: p50 %.2f ms, p99 %.2f ms (the service's timer, last "
                + "minutes)%n", 1000 * quantile(metrics, "newsroom_alerts_match_article_seconds", "0.5"),
                1000 * quantile(metrics, "newsroom_alerts_match_article_seconds", "0.99"));
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring("scale-".length(), id.indexOf('-', "scale-".length())));
    }

    /**
     * Polls Elasticsearch every 20 ms for the oldest acknowledged articles not yet seen, at most {@link #WATCHED} at
     * a time: articles become searchable about in the order they were sent, and asking for every pending one made the
     * poll itself the heaviest search on the machine once the indexer fell behind, which put it further behind.
     */
    private static void watchSearchable(HttpClient http, String index, Map<String, Long> ackedAt,
            Map<String, Long> searchableAt) {
        Pattern hit = Pattern.compile("\"_id\":\"([^\"]+)\"");
        while (true) {
            try {
                List<String> pending = ackedAt.keySet().stream().filter(id -> !searchableAt.containsKey(id))
                        .sorted(Comparator.comparingInt(AlertScaleBenchmark::index)).limit(WATCHED).toList();
                if (!pending.isEmpty()) {
                    String ids = String.join("\",\"", pending);
                    String body = "{\"query\":{\"ids\":{\"values\":[\"" + ids + "\"]}},\"_source\":false,\"size\":"
                            + pending.size() + "}";
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(index
                            + "/_search?filter_path=hits.hits._id"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    Matcher m = hit.matcher(r.body());
                    while (m.find()) {
                        searchableAt.putIfAbsent(m.group(1), now);
                    }
                }
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the index may not exist before the first article: look again
            }
        }
    }

    private static List<Long> between(List<String> ids, Map<String, Long> from, Map<String, Long> to) {
        List<Long> ms = new ArrayList<>();
        for (String id : ids) {
            Long a = from.get(id);
            Long b = to.get(id);
            if (a != null && b != null) {
                ms.add(TimeUnit.NANOSECONDS.toMillis(b - a));
            }
        }
        Collections.sort(ms);
        return ms;
    }

    private static void print(String what, List<Long> sorted) {
        if (sorted.isEmpty()) {
            System.out.printf("[alert-scale] %s: no sample%n", what);
            return;
        }
        System.out.printf("[alert-scale] %s: p50 %d ms, p99 %d ms, max %d ms (%d articles)%n", what, pct(sorted, 0.5),
                pct(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)));
    }

    private static double quantile(String metrics, String name, String q) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*quantile=\"" + Pattern.quote(q) + "\"[^}]*\\}\\s+(\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
