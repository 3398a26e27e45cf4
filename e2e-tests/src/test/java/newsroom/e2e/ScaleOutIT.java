package newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import newsroom.e2e.ScaleOutGroups.Assignment;
import newsroom.stack.LocalStack;
import newsroom.stack.RunningStack;
import newsroom.stack.StackConfig;

/**
 * Scale-out (issue 12, item 4): a private stack of its own (a three-broker KRaft cluster, Elasticsearch, PostgreSQL;
 * directory {@code .newsroom/scale-out-stack}, Kafka 29192–29197, Elasticsearch 29290/29390, PostgreSQL 25532) and two
 * instances of each packaged service (search 28280/28290, ingest 28281/28291, nlp 28282/28292), the articles posted
 * to both ingest instances in turn. Under that load the broker coordinating the nlp-service's group and the first
 * instance of each service are killed with SIGKILL (no shutdown, no last offset commit) and stay down. Then: every
 * acknowledged article searchable exactly once, every matching subscription fired exactly once per article, and
 * each shared consumer group held whole by its surviving member.
 *
 * <p>Tuning: {@code scaleout.articles} (minimum acknowledged, default 300), {@code scaleout.rate} (articles/s, default
 * 4), {@code scaleout.steadySeconds} (load before the kill, default 20), {@code scaleout.portBase} (default 28280),
 * {@code scaleout.startSeconds} (how long each service may take to be ready, default 420),
 * {@code scaleout.keepStack=true} (leave the private stack running for the next run); {@code e2e.apps} as elsewhere.
 */
@Order(Integer.MAX_VALUE) // after the classes sharing Pipeline's services (junit-platform.properties orders them)
class ScaleOutIT {
    private static final int INSTANCES = 2;
    private static final int BROKERS = 3;
    private static final int ARTICLES = Integer.getInteger("scaleout.articles", 300);
    private static final double RATE = Double.parseDouble(System.getProperty("scaleout.rate", "4"));
    private static final Duration STEADY = Duration.ofSeconds(Long.getLong("scaleout.steadySeconds", 20));
    private static final Duration TAKEOVER = Duration.ofSeconds(180);
    private static final int PORT_BASE = Integer.getInteger("scaleout.portBase", 28280);
    /** Six services starting on two busy cores: each may take longer than the other suites allow. */
    private static final Duration START = Duration.ofSeconds(Long.getLong("scaleout.startSeconds", 420));

    private static LocalStack stack;
    private static RunningStack running;
    /** Instance 1 of each service (killed), then instance 2 (the survivors). */
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static Supplier<String> defaultIngest;

    @BeforeAll
    static void startStackAndServices() throws Exception {
        Pipeline.stopShared(); // the other classes' three services, if still up: this class needs both cores
        Path root = Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.test()
                .withPorts(root.resolve(".newsroom/scale-out-stack"), 29192, 29193, 29290, 29390, 25532)
                .withKafkaBrokers(BROKERS);
        stack = new LocalStack(config, line -> System.out.println("[scale-out] " + line));
        running = stack.ensureRunning();
        Map<String, String> env = Pipeline.environment(running);
        // Two cores with a dozen JVMs on them: opening a connection during start can take longer than the pools' 5 s.
        env.putIfAbsent("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        env.putIfAbsent("QUARKUS_DATASOURCE_ACCESS_JDBC_ACQUISITION_TIMEOUT", "60S");
        env.putIfAbsent("QUARKUS_DATASOURCE__ACCESS__JDBC_ACQUISITION_TIMEOUT", "60S");
        // The takeover holds the dead instance's partitions for the session timeout (45 s), longer than this: an alert
        // matcher that counted its wait from the record's time would give their articles up in every run, not only
        // on a machine slow enough to pass 60 s. Only an instance without an indexer uses it now.
        env.putIfAbsent("NEWSROOM_ALERTS_SEARCHABLE_TIMEOUT", "20s");
        Path apps = Path.of(System.getProperty("e2e.apps", root.toString()));
        Path logs = root.resolve("e2e-tests/target/e2e-logs/scale-out");
        for (int i = 0; i < INSTANCES; i++) {
            int base = PORT_BASE + 10 * i;
            String n = "-" + (i + 1);
            services.add(new ServiceProcess("ingest-service" + n, Pipeline.jar(apps, "ingest"), base + 1, "256m", env, logs));
            services.add(new ServiceProcess("nlp-service" + n, Pipeline.jar(apps, "nlp"), base + 2, "640m", env, logs));
            services.add(new ServiceProcess("search-service" + n, Pipeline.jar(apps, "search"), base, "256m", env, logs));
        }
        // One instance of each first, then the next: the first ones migrate the schemas, and six JVMs starting at once
        // on two cores can take longer than a connection pool waits.
        for (int i = 0; i < INSTANCES; i++) {
            List<ServiceProcess> wave = services.subList(3 * i, 3 * i + 3);
            for (ServiceProcess service : wave) {
                service.start();
            }
            for (ServiceProcess service : wave) {
                service.awaitReady(START);
            }
        }
        // The fault suite's helpers talk to Pipeline's services: here the survivors, and the ingest API round robin.
        Pipeline.stack = running;
        Pipeline.root = root;
        Pipeline.ingest = services.get(3);
        Pipeline.nlp = services.get(4);
        Pipeline.search = services.get(5);
        defaultIngest = FaultApi.ingestUrl;
        AtomicInteger turn = new AtomicInteger();
        FaultApi.ingestUrl = () -> {
            List<ServiceProcess> live = List.of(services.get(0), services.get(3)).stream()
                    .filter(ServiceProcess::alive).toList();
            return live.get(Math.floorMod(turn.getAndIncrement(), live.size())).baseUrl();
        };
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (defaultIngest != null) {
            FaultApi.ingestUrl = defaultIngest;
        }
        Pipeline.ingest = Pipeline.nlp = Pipeline.search = null;
        for (ServiceProcess service : services) {
            service.stop();
        }
        if (stack != null && !Boolean.getBoolean("scaleout.keepStack")) {
            stack.stop();
        }
    }

    @Test
    void aBrokerAndOneInstanceOfEachServiceDieUnderLoadAndNothingIsLostOrDoubled() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String source = "scaleout-" + run;
        FaultLedger ledger = new FaultLedger();
        FaultArticles articles = new FaultArticles(run);
        FaultAlerts alerts = new FaultAlerts();
        try (FaultTopics topics = new FaultTopics(running.kafkaBootstrap());
                ScaleOutGroups groups = new ScaleOutGroups(running.kafkaBootstrap())) {
            topics.snapshot(FaultTopics.audited());
            alerts.createWatches(source);
            FaultLoad load = new FaultLoad(articles, ledger, source, ARTICLES, RATE);
            long started = System.nanoTime();
            load.start();
            // Before any fault: both instances of each service hold some of their group's partitions.
            List<Assignment> spread = await("both instances of each service hold partitions").atMost(TAKEOVER)
                    .pollDelay(STEADY).pollInterval(Duration.ofSeconds(2))
                    .until(groups::sharedGroups, g -> load.acknowledged() > 0 && g.size() >= 2
                            && g.stream().allMatch(a -> a.spreadOver(INSTANCES)));
            String nlpGroup = spread.stream().map(Assignment::group).filter(g -> g.startsWith("nlp"))
                    .findFirst().orElseThrow(() -> new AssertionError("no nlp-service group among " + spread));
            int broker = groups.coordinator(nlpGroup);

            int w = ledger.open("SIGKILL kafka-%d (coordinator of %s) + ingest, nlp, search instance 1"
                    .formatted(broker, nlpGroup));
            FaultLedger.Window window = ledger.window(w);
            kill9Broker(broker);
            for (ServiceProcess service : services.subList(0, 3)) {
                service.mark("SIGKILL (scale-out test)");
                service.kill9();
            }
            Instant end = Instant.now();
            Duration takeover = takeOver(groups, spread, end);
            window.recovery = FaultSuiteIT.recover(articles.probe("probe" + run), source, ledger, alerts, end);
            List<Assignment> after = groups.now(spread);

            load.finish(Duration.ofSeconds((long) (ARTICLES / RATE) + 300));
            long loadSeconds = (System.nanoTime() - started) / 1_000_000_000L;
            FaultSuiteIT.drain(ledger, alerts, source);

            Map<String, List<String>> recorded = new HashMap<>();
            alerts.subscriptions().forEach(s -> recorded.put(s.id(), alerts.recordedMatches(s.id())));
            // Reading the topics back may time out once on a loaded machine with a broker gone: tried again.
            var published = await("news.alerts read back").atMost(Duration.ofMinutes(3)).ignoreExceptions()
                    .until(() -> FaultAlerts.published(topics), p -> true);
            var deadLetters = await("dead-letter topics read back").atMost(Duration.ofMinutes(3)).ignoreExceptions()
                    .until(topics::deadLettersSinceStart, d -> true);
            FaultReport report = new FaultReport(ledger, alerts.subscriptions(), new FaultReport.Findings(
                    FaultApi.allHits(source), recorded, published, deadLetters, List.of(), run, topics::predatesRun), -1);

            List<String> failures = new ArrayList<>(report.failures());
            failures.addAll(ledger.problems());
            if (takeover == null) {
                failures.add("the survivors did not take over every partition within " + TAKEOVER.toSeconds()
                        + " s: " + after.stream().map(Assignment::describe).toList());
            }
            String text = "Scale-out run %s (source %s), %s: %d brokers, %d instances of each service, %d articles acknowledged at %.1f/s over %d s.%n%n"
                    .formatted(run, source, Instant.now(), BROKERS, INSTANCES, load.acknowledged(), RATE, loadSeconds)
                    + FaultReport.markdown(report.rows())
                    + "\nConsumer groups before the kill:\n" + lines(spread)
                    + "After (partitions taken over " + (takeover == null ? "NOT within " + TAKEOVER.toSeconds() + " s"
                            : "%.1f s after the kill".formatted(takeover.toMillis() / 1000.0)) + "):\n" + lines(after)
                    + (failures.isEmpty() ? "" : "\nFailures:\n- " + String.join("\n- ", failures) + "\n");
            System.out.println(text);
            Path out = Pipeline.root.resolve("e2e-tests/target/scale-out.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);

            assertThat(failures).as("scale-out (table in %s, logs in e2e-tests/target/e2e-logs/scale-out)", out)
                    .isEmpty();
        } finally {
            alerts.deleteAll();
        }
    }

    /** SIGKILL to a broker's JVM (its pid file names it): no controlled shutdown, its partitions lose a replica. */
    private static void kill9Broker(int node) throws Exception {
        long pid = Long.parseLong(Files.readString(stack.pidFile("kafka-" + node)).strip());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("kafka-" + node + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        process.onExit().get();
        System.out.println("[scale-out] SIGKILL kafka-" + node + " (pid " + pid + ")");
    }

    /** How long after the kill every shared group was held whole by its one surviving member; null if never. */
    private static Duration takeOver(ScaleOutGroups groups, List<Assignment> before, Instant end) {
        try {
            await("the survivors hold every partition").atMost(TAKEOVER).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> groups.now(before).stream().allMatch(Assignment::heldByOne));
            return Duration.between(end, Instant.now());
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    private static String lines(List<Assignment> assignments) {
        StringBuilder text = new StringBuilder();
        assignments.forEach(a -> text.append("- ").append(a.describe()).append('\n'));
        return text.toString();
    }
}
