package newsroom.bench.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import newsroom.bench.BenchKey;
import newsroom.events.AlertMatch;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.events.Mention;
import newsroom.events.NlpInfo;
import newsroom.events.Topics;

/**
 * Alert latency against a RUNNING search-service: creates 1,000 active subscriptions (entity watches and text
 * searches), listens on {@code /api/alerts/stream}, then produces enriched articles at a steady rate to
 * {@code news.articles.enriched} and measures, per article, the time from the broker's acknowledgement of the article
 * to its first alert on the stream (p50/p99), and reads the per-batch matching cost from {@code /q/metrics}.
 * Starting point is the enriched topic, not the ingest-service: the NLP step is outside what alerting controls.
 * Prints figures, asserts nothing; deletes its subscriptions at the end.
 *
 * <p>Run: {@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.alert.AlertLatencyBenchmark}
 * (options: {@code -Dbench.search=http://localhost:8080 -Dbench.kafka=localhost:9092 -Dbench.subscriptions=1000
 * -Dbench.articles=300 -Dbench.rate=20 -Dbench.key=nrk_...}; the key, any role, defaults to {@code NEWSROOM_API_KEY}
 * or the launcher's {@code .newsroom/admin.key}; the subscriptions and the stream are that key's own).
 */
public final class AlertLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        String search = System.getProperty("bench.search", "http://localhost:8080");
        String kafka = System.getProperty("bench.kafka", "localhost:9092");
        int subscriptions = Integer.getInteger("bench.subscriptions", 1000);
        int articles = Integer.getInteger("bench.articles", 300);
        int rate = Integer.getInteger("bench.rate", 20);
        String u = UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BenchKey key = BenchKey.resolve(System.getProperty("bench.key"));

        // 1,000 subscriptions: one watch per entity of a pool of 1,000; every article mentions one of them.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            String body = i % 4 == 3
                    ? "{\"name\":\"bench text " + i + "\",\"q\":\"topic" + i + u + "\"}"
                    : "{\"name\":\"bench watch " + i + "\",\"entity\":[\"person:bench-" + i + "-" + u + "\"]}";
            HttpResponse<String> r = key.send(http, HttpRequest.newBuilder(URI.create(search + "/api/alerts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(r.body());
            if (r.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("cannot create a subscription: " + r.statusCode() + " " + r.body());
            }
            ids.add(m.group(1));
        }
        System.out.printf("[alert-bench] %s: %d active subscriptions created%n", search, ids.size());

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        var stream = http.sendAsync(key.sign(HttpRequest.newBuilder(URI.create(search + "/api/alerts/stream")))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                stream.join().body().filter(l -> l.startsWith("data:")).forEach(l -> {
                    long now = System.nanoTime();
                    AlertMatch match = EventJson.fromJson(l.substring(5).strip(), AlertMatch.class);
                    Long sent = sentAt.get(match.articleId());
                    if (sent != null && seen.putIfAbsent(match.articleId(), true) == null) {
                        latenciesMs.add(TimeUnit.NANOSECONDS.toMillis(now - sent));
                    }
                });
            } catch (RuntimeException closed) {
                // stream closed at the end
            }
        }, "bench-sse");
        reader.setDaemon(true);
        reader.start();
        stream.join();

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            long next = System.nanoTime();
            for (int i = 0; i < articles; i++) {
                int k = (i * 7919) % subscriptions;
                String id = "bench-alert-" + u + "-" + i;
                EnrichedArticle a = article(id, u, k, i);
                long waitNanos = next - System.nanoTime();
                if (waitNanos > 0) {
                    TimeUnit.NANOSECONDS.sleep(waitNanos); // steady arrival rate
                }
                next += intervalNanos;
                producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, id, EventJson.toBytes(a))).get();
                sentAt.put(id, System.nanoTime());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (latenciesMs.size() < articles && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        stream.cancel(true);

        List<Long> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        System.out.printf("[alert-bench] %d articles at %d/s, %d alerts seen on the stream%n", articles, rate,
                sorted.size());
        if (!sorted.isEmpty()) {
            System.out.printf("[alert-bench] Kafka ack -> SSE alert: p50 %d ms, p99 %d ms, max %d ms%n",
                    pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1));
        }
        String metrics = key.send(http, HttpRequest.newBuilder(URI.create(search + "/q/metrics")),
                HttpResponse.BodyHandlers.ofString()).body();
        metrics.lines().filter(l -> l.startsWith("newsroom_alerts_match_batch_seconds")).forEach(
                l -> System.out.println("[alert-bench] " + l));
        for (String id : ids) {
            key.send(http, HttpRequest.newBuilder(URI.create(search + "/api/alerts/" + id)).DELETE(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static EnrichedArticle article(String id, String u, int k, int i) {
        String name = "Bench Person " + k;
        String title = name + " in the news";
        String body = "Story " + i + " about topic" + k + u + " and " + name + ".";
        Mention mention = new Mention(0, name.length(), name);
        ArticleEntity e = new ArticleEntity("person:bench-" + k + "-" + u, name, EntityType.PERSON, List.of(mention), 1,
                0.8);
        Instant now = Instant.now();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, "https://bench.example/" + id, "bench-" + u,
                title, body, "en", now, now, "sha256:" + id, null, List.of(e), new NlpInfo("bench", "1", 0));
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
