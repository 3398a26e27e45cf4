package newsroom.search.alert.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "newsroom.alerts")
public interface AlertConfig {

    /**
     * Subscriptions per multi-search request, for the few matched on Elasticsearch (those Lucene cannot reproduce:
     * see {@code AlertQueryCompiler}); the others are matched in memory by the monitor.
     */
    @WithDefault("200")
    int msearchChunk();

    /** How often each instance compares the subscriptions in PostgreSQL with its monitor (changes made elsewhere). */
    @WithDefault("1s")
    Duration monitorSyncInterval();

    /** The monitor's presearcher: {@code term} (one pass) or {@code multipass} (two passes, fewer candidates). */
    @WithDefault("term")
    String monitorPresearcher();

    /**
     * Articles the monitor matches at once (one presearcher query, one in-memory index for them all); a larger poll
     * is matched in chunks of this size, so one huge poll does not build one giant index. 1, one article at a time,
     * because batches were measured no faster: in AlertMatchingBenchmark (100,000 subscriptions) an article cost
     * p50 4.9-6.3 ms alone, 9.8 ms in batches of 5, 7.1-9.4 ms of 20, 5.4-6.3 ms of 50. A batch runs fewer
     * candidates per article, but each runs on a small Lucene index (terms dictionary seeks) rather than the single
     * article's MemoryIndex, and costs more.
     */
    @WithDefault("1")
    int monitorBatch();

    /** How often the matcher asks whether the articles of its batch are searchable yet (while Elasticsearch answers). */
    @WithDefault("100ms")
    Duration searchablePoll();

    /**
     * Only on an instance that runs no indexer (so cannot see how far the indexer got): how long the matcher waits,
     * from reading an article and while Elasticsearch answers, for it to become searchable before giving it up (logged
     * and counted). Elsewhere an article waits for the indexer however long, and is given up only when a refresh after
     * the indexer passed it a search still cannot find it (it was dead-lettered).
     */
    @WithDefault("60s")
    Duration searchableTimeout();

    /** First and longest pause of the matcher between two looks at Elasticsearch or PostgreSQL. */
    @WithDefault("200ms")
    Duration matchInitialBackoff();

    @WithDefault("10s")
    Duration matchMaxBackoff();

    /** Deliveries claimed per outbox poll. */
    @WithDefault("200")
    int deliveryBatch();

    @WithDefault("10")
    int webhookMaxAttempts();

    @WithDefault("1s")
    Duration webhookInitialBackoff();

    @WithDefault("10m")
    Duration webhookMaxBackoff();

    @WithDefault("5s")
    Duration webhookTimeout();

    /** Hosts or literal addresses a webhook may use even though they are loopback/private (tests). */
    @WithDefault("none")
    List<String> webhookAllowHosts();

    /** First and longest wait before a Kafka publication that failed is tried again. */
    @WithDefault("500ms")
    Duration kafkaInitialBackoff();

    @WithDefault("1m")
    Duration kafkaMaxBackoff();

    /** Server-sent-event clients one instance serves at once; one more gets a 503 with Retry-After. */
    @WithDefault("200")
    int streamMaxClients();

    /** Matches buffered per SSE client; a client further behind is disconnected, never slows the others. */
    @WithDefault("1024")
    int streamClientBuffer();

    /** The Retry-After of a refused SSE connection. */
    @WithDefault("10s")
    Duration streamRetryAfter();

    /**
     * Base64 of the 32-byte AES key webhook secrets are encrypted with at rest; none configured means a webhook with
     * a secret cannot be created (the launcher generates one per installation).
     */
    Optional<String> webhookSecretKey();
}
