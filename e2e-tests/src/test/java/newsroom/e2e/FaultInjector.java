package newsroom.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import newsroom.stack.LocalStack;
import newsroom.stack.StackConfig;

/**
 * The faults, injected one at a time. Each returns the instant the harness has undone it (the process started again,
 * the server answering again, the record written): the time to recover is measured from there.
 */
final class FaultInjector {

    /** One fault of the suite; {@code id} is what {@code -Dfaults.only} names. */
    record Fault(String id, String label) {
    }

    static final List<Fault> ALL = List.of(
            new Fault("kill-ingest", "kill -9 ingest-service"),
            new Fault("kill-nlp", "kill -9 nlp-service"),
            new Fault("kill-search", "kill -9 search-service"),
            new Fault("term-ingest", "SIGTERM ingest-service"),
            new Fault("term-nlp", "SIGTERM nlp-service"),
            new Fault("term-search", "SIGTERM search-service"),
            new Fault("kafka", "Kafka stopped %d s"),
            new Fault("elasticsearch", "Elasticsearch stopped %d s"),
            new Fault("postgres", "PostgreSQL stopped %d s"),
            new Fault("poison", "poison record on each consumed topic"),
            new Fault("size-limit", "article at the size limit (1 MiB body)"),
            new Fault("rejected-alert", "alert subscription Elasticsearch rejects"));

    static final int SIZE_LIMIT_BYTES = 1_048_576;
    private static final Duration DEAD_TIME = Duration.ofSeconds(Long.getLong("faults.deadSeconds", 5));
    private static final Duration TERM_PATIENCE = Duration.ofSeconds(60);

    private final FaultLedger ledger;
    private final FaultTopics topics;
    private final FaultAlerts alerts;
    private final FaultArticles articles;
    private final String run;
    private final String source;
    private final StackConfig stackConfig = StackConfig.test();
    private final LocalStack stack = new LocalStack(stackConfig, line -> System.out.println("[fault suite] " + line));
    private final List<FaultTopics.Poison> poison = new ArrayList<>();
    private String rejectedAlert;

    FaultInjector(FaultLedger ledger, FaultTopics topics, FaultAlerts alerts, FaultArticles articles, String run,
            String source) {
        this.ledger = ledger;
        this.topics = topics;
        this.alerts = alerts;
        this.articles = articles;
        this.run = run;
        this.source = source;
    }

    static List<Fault> selected() {
        String only = System.getProperty("faults.only", "").strip();
        if (only.isEmpty()) {
            return ALL;
        }
        Set<String> ids = Set.of(only.split("\\s*,\\s*"));
        List<Fault> faults = ALL.stream().filter(f -> ids.contains(f.id())).toList();
        if (faults.size() != ids.size()) {
            throw new IllegalArgumentException("faults.only names unknown faults; known: "
                    + ALL.stream().map(Fault::id).toList());
        }
        return faults;
    }

    static String label(Fault fault) {
        return switch (fault.id()) {
            case "kafka" -> fault.label().formatted(outage("kafka", 30).toSeconds());
            case "elasticsearch" -> fault.label().formatted(outage("elasticsearch", 60).toSeconds());
            case "postgres" -> fault.label().formatted(outage("postgres", 30).toSeconds());
            default -> fault.label();
        };
    }

    Instant inject(Fault fault, FaultLedger.Window window) throws Exception {
        for (ServiceProcess service : Pipeline.all()) {
            service.mark("fault " + fault.id() + " injected");
        }
        return switch (fault.id()) {
            case "kill-ingest" -> kill(Pipeline.ingest);
            case "kill-nlp" -> kill(Pipeline.nlp);
            case "kill-search" -> kill(Pipeline.search);
            case "term-ingest" -> terminate(Pipeline.ingest, window);
            case "term-nlp" -> terminate(Pipeline.nlp, window);
            case "term-search" -> terminate(Pipeline.search, window);
            case "kafka" -> outage("kafka", stackConfig.kafkaPort(), outage("kafka", 30));
            case "elasticsearch" -> outage("elasticsearch", stackConfig.elasticsearchPort(), outage("elasticsearch", 60));
            case "postgres" -> outage("postgres", stackConfig.postgresPort(), outage("postgres", 30));
            case "poison" -> {
                poison.addAll(topics.injectPoison(run));
                yield Instant.now();
            }
            case "size-limit" -> {
                FaultLedger.Ack ack = FaultLoad.postUntilAcknowledged(articles.atSizeLimit(SIZE_LIMIT_BYTES), source,
                        ledger, Duration.ofMinutes(3));
                window.notes.add("size-limit article " + ack.id());
                yield Instant.now();
            }
            case "rejected-alert" -> {
                rejectedAlert = alerts.createRejected(source);
                window.notes.add("subscription " + rejectedAlert + " created through the API; /api/search refuses "
                        + "the same query");
                yield Instant.now();
            }
            default -> throw new IllegalArgumentException(fault.id());
        };
    }

    List<FaultTopics.Poison> poison() {
        return List.copyOf(poison);
    }

    String rejectedAlert() {
        return rejectedAlert;
    }

    private static Instant kill(ServiceProcess service) throws Exception {
        service.kill9();
        await(service.name() + " dead").pollDelay(DEAD_TIME).atMost(DEAD_TIME.plusSeconds(10))
                .until(() -> !service.alive());
        service.start();
        return Instant.now();
    }

    private static Instant terminate(ServiceProcess service, FaultLedger.Window window) throws Exception {
        Duration took = service.terminate(TERM_PATIENCE);
        if (took == null) {
            window.notes.add("FAILED: " + service.name() + " was still running " + TERM_PATIENCE.toSeconds()
                    + " s after SIGTERM (killed to go on)");
        } else {
            window.notes.add(service.name() + " exited %.1f s after SIGTERM".formatted(took.toMillis() / 1000.0));
        }
        service.start();
        return Instant.now();
    }

    private Instant outage(String server, int port, Duration duration) {
        stack.stopServer(server);
        await(server + " stopped for " + duration.toSeconds() + " s").pollDelay(duration)
                .atMost(duration.plusSeconds(10)).until(() -> !listening(port));
        stack.startServer(server);
        return Instant.now();
    }

    private static Duration outage(String server, int defaultSeconds) {
        return Duration.ofSeconds(Long.getLong("faults." + server + "Seconds", defaultSeconds));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
