package newsroom.bench.nlp;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import newsroom.bench.BenchKey;
import newsroom.events.EventJson;
import newsroom.events.RawArticle;
import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.quality.GoldSetEvaluation;
import newsroom.stack.LocalStack;
import newsroom.stack.RunningStack;
import newsroom.stack.StackConfig;

/**
 * Extractor alone vs. the whole service, in one run, with the same number of threads: first the extractor in this JVM
 * on T threads, then the packaged nlp-service as its own process (heap capped) with T consumer workers, fed through
 * the real broker of the test stack on topics of its own (Kafka in → Kafka out). Prints both throughputs, their
 * ratio, and the service's heap. Asserts nothing.
 *
 * <pre>./mvnw -q -pl nlp-service package -DskipTests &amp;&amp; ./mvnw -q -pl bench exec:java \
 *     -Dexec.mainClass=newsroom.bench.nlp.NlpThroughputBenchmark \
 *     -Dexec.args="threads=2 articles=600 config=corenlp:conll4 xmx=512m"</pre>
 */
public final class NlpThroughputBenchmark {

    private NlpThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = 2;
        int count = 600;
        String config = "corenlp:conll4";
        String xmx = "512m";
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "articles" -> count = Integer.parseInt(kv[1]);
                case "config" -> config = kv[1];
                case "xmx" -> xmx = kv[1];
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        List<BenchArticles.Article> articles = BenchArticles.load(count);
        System.out.printf("%d articles of ~%d tokens, config %s, %d threads%n", count,
                BenchArticles.tokens(articles.get(0)), config, threads);

        double alone = extractorAlone(config, threads, articles);
        System.out.printf("Extractor alone : %8.1f articles/s (%d threads)%n", alone, threads);

        ServiceRun service = service(config, threads, xmx, articles);
        System.out.printf("Service (Kafka) : %8.1f articles/s (%d workers), heap used at end %d MB of -Xmx%s, RSS %d MB%n",
                service.perSecond, threads, service.heapMb, xmx, service.rssMb);
        System.out.printf("Service keeps %.0f %% of the extractor's throughput%n", 100 * service.perSecond / alone);
    }

    static double extractorAlone(String config, int threads, List<BenchArticles.Article> articles) throws Exception {
        String[] parts = config.split(":");
        EntityExtractor extractor = GoldSetEvaluation.starterExtractor(parts[0], parts.length > 1 ? parts[1] : "-");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            runAll(pool, extractor, articles.subList(0, Math.min(articles.size(), 100)), threads); // warm-up
            long t0 = System.nanoTime();
            runAll(pool, extractor, articles, threads);
            return articles.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runAll(ExecutorService pool, EntityExtractor extractor, List<BenchArticles.Article> articles,
            int threads) throws Exception {
        AtomicLong next = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long i;
                while ((i = next.getAndIncrement()) < articles.size()) {
                    BenchArticles.Article a = articles.get((int) i);
                    extractor.extract(a.title(), a.body());
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    record ServiceRun(double perSecond, long heapMb, long rssMb) {
    }

    static ServiceRun service(String config, int threads, String xmx, List<BenchArticles.Article> articles)
            throws Exception {
        Path app = Path.of("nlp-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(app)) {
            app = Path.of("..", app.toString());
        }
        if (!Files.exists(app)) {
            throw new IllegalStateException("Build the service first: ./mvnw -q -pl nlp-service package -DskipTests");
        }
        RunningStack stack = LocalStack.ensureRunning(StackConfig.test());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String in = "bench.nlp.raw." + run;
        String out = "bench.nlp.enriched." + run;
        createTopics(stack.kafkaBootstrap(), in, out);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String[] parts = config.split(":");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx" + xmx, "-jar", app.toAbsolutePath().toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // a key of this run's own: /q/metrics needs one
        BenchKey key = BenchKey.random();
        env.put("NEWSROOM_ACCESS_BOOTSTRAP_ADMIN_KEY_SHA256", key.sha256());
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", stack.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", stack.password());
        env.put("NEWSROOM_NLP_CONSUMER_TOPIC", in);
        env.put("NEWSROOM_NLP_CONSUMER_OUTPUT_TOPIC", out);
        env.put("NEWSROOM_NLP_CONSUMER_GROUP_ID", "bench-nlp-" + run);
        env.put("NEWSROOM_NLP_CONSUMER_WORKERS", Integer.toString(threads));
        env.put("NEWSROOM_NLP_NER_ENGINE", parts[0]);
        if (parts.length > 1) {
            env.put("NEWSROOM_NLP_NER_MODEL", parts[1]);
        }
        File log = File.createTempFile("nlp-bench-", ".log");
        pb.redirectErrorStream(true).redirectOutput(log);
        Process process = pb.start();
        try {
            awaitReady(port, process, log);
            try (KafkaProducer<String, byte[]> producer = producer(stack.kafkaBootstrap());
                    KafkaConsumer<String, byte[]> consumer = consumer(stack.kafkaBootstrap(), out)) {
                List<BenchArticles.Article> warm = articles.subList(0, Math.min(100, articles.size()));
                produceAndAwait(producer, consumer, in, warm, "warm-" + run);
                long t0 = System.nanoTime();
                produceAndAwait(producer, consumer, in, articles, "measure-" + run);
                double perSecond = articles.size() / ((System.nanoTime() - t0) / 1e9);
                return new ServiceRun(perSecond, heapUsedMb(port, key), rssMb(process.pid()));
            }
        } finally {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void produceAndAwait(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer,
            String topic, List<BenchArticles.Article> articles, String prefix) throws Exception {
        Set<String> pending = new HashSet<>();
        for (int i = 0; i < articles.size(); i++) {
            String id = prefix + "-" + i;
            BenchArticles.Article a = articles.get(i);
            pending.add(id);
            producer.send(new ProducerRecord<>(topic, id, EventJson.toBytes(new RawArticle(1, id, null, "bench",
                    a.title(), a.body(), null, null, Instant.now(), "h-" + id, null))));
        }
        producer.flush();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (!pending.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(pending.size() + " articles never came out enriched");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                pending.remove(r.key());
            }
        }
    }

    private static void awaitReady(int port, Process process, File log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nlp-service exited; log: " + log + "\n" + tail(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("nlp-service not ready in 3 minutes; log: " + log + "\n" + tail(log));
    }

    private static long heapUsedMb(int port, BenchKey key) throws Exception {
        String metrics = key.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/q/metrics")), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.E+]+)").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) (sum / (1024 * 1024));
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    private static String tail(File log) throws IOException {
        List<String> lines = Files.readAllLines(log.toPath());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void createTopics(String bootstrap, String... topics) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> list = new ArrayList<>();
            for (String t : topics) {
                list.add(new NewTopic(t, 3, (short) 1));
            }
            admin.createTopics(list).all().get();
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        c.partitionsFor(topic, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        c.assign(partitions);
        c.seekToBeginning(partitions);
        return c;
    }
}
