package newsroom.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import newsroom.bench.BenchKey;

/**
 * Load generator for a running ingest-service: posts generated articles through {@code POST /api/articles/batch}
 * and prints accepted articles per second, then the outbox relay's lag under that load (from the service's
 * {@code ingest_outbox_relay_lag_seconds} metric: time from acceptance to the broker's acknowledgement) and how long
 * the relay needed after the last batch to publish everything. Prints figures, asserts nothing.
 *
 * <pre>./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.ingest.IngestBatchBenchmark \
 *     -Dexec.args="--url http://localhost:8081 --articles 20000 --batch 500 --clients 2 [--key nrk_...]"</pre>
 *
 * The key (ingester or admin) defaults to {@code NEWSROOM_API_KEY} or the launcher's {@code .newsroom/admin.key}.
 */
public final class IngestBatchBenchmark {
    private static final String[] WORDS = ("the council port ferry budget court minister storm harbour election vote "
            + "river bridge school market price rate bank police report city region government law judge appeal week "
            + "monday tuesday official said new plan road rail flight airport energy water farm trade union strike "
            + "museum hospital doctor nurse study university student festival team match season coach player").split(" ");
    private static final Pattern METRIC = Pattern.compile("^(ingest_outbox_relay_lag_seconds_(?:count|sum|max))(?:\\{[^}]*\\})? ([0-9.eE+-]+)$",
            Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8081";
        int articles = 20_000;
        int batch = 500;
        int clients = 2;
        String givenKey = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--articles" -> articles = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--key" -> givenKey = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        URI base = URI.create(url);
        BenchKey key = BenchKey.resolve(givenKey);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<byte[]> batches = new ArrayList<>();
        Random random = new Random(42);
        for (int from = 0; from < articles; from += batch) {
            ArrayNode array = json.createArrayNode();
            for (int i = from; i < Math.min(articles, from + batch); i++) {
                array.add(article(json, random, run, i));
            }
            batches.add(json.writeValueAsBytes(array));
        }
        double[] before = relayLag(http, base, key);
        System.out.printf("ingest batch benchmark: %d articles in batches of %d, %d client(s), against %s (run %s)%n",
                articles, batch, clients, url, run);

        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (byte[] body : batches) {
            futures.add(pool.submit(() -> {
                JsonNode result = BatchPost.send(http, key, json, base, body);
                accepted.addAndGet(result.path("accepted").asInt());
                other.addAndGet(result.path("duplicates").asInt() + result.path("rejected").asInt());
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("accepted: %d (other: %d) in %.1f s -> %.0f accepted articles/s%n",
                accepted.get(), other.get(), seconds, accepted.get() / seconds);

        // the relay: wait until the lag metric has counted every accepted article of this run
        long drainStart = System.nanoTime();
        double[] after = relayLag(http, base, key);
        while (after[0] - before[0] < accepted.get() && (System.nanoTime() - drainStart) < 300e9) {
            Thread.sleep(200); // polling a remote service's metric; nothing to block on from here
            after = relayLag(http, base, key);
        }
        double published = after[0] - before[0];
        double drain = (System.nanoTime() - drainStart) / 1e9;
        System.out.printf("outbox relay: %.0f published; mean lag %.0f ms, max lag %.0f ms (acceptance -> broker ack);"
                + " all published %.1f s after the last batch was acknowledged%n",
                published, published == 0 ? 0 : (after[1] - before[1]) / published * 1000, after[2] * 1000, drain);
    }

    private static ObjectNode article(ObjectMapper json, Random random, String run, int i) {
        StringBuilder body = new StringBuilder();
        for (int s = 0; s < 8; s++) {
            for (int w = 0; w < 14; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            body.setLength(body.length() - 1);
            body.append(". ");
        }
        body.append("Item ").append(i).append(" of run ").append(run).append('.');
        ObjectNode a = json.createObjectNode();
        a.put("url", "https://bench.example/" + run + "/" + i);
        a.put("source", "bench-" + run);
        a.put("title", "Bench article " + i + " " + WORDS[random.nextInt(WORDS.length)]);
        a.put("body", body.toString());
        a.put("language", "en");
        return a;
    }

    /** {count, sum seconds, max seconds} of the relay lag timer. */
    private static double[] relayLag(HttpClient http, URI base, BenchKey key) throws IOException, InterruptedException {
        HttpResponse<String> response = key.send(http, HttpRequest.newBuilder(base.resolve("/q/metrics")),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        double[] values = new double[3];
        Matcher m = METRIC.matcher(response.body());
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "ingest_outbox_relay_lag_seconds_count" -> values[0] = v;
                case "ingest_outbox_relay_lag_seconds_sum" -> values[1] = v;
                default -> values[2] = v;
            }
        }
        return values;
    }
}
