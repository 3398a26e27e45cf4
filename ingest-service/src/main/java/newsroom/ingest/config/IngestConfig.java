package newsroom.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "newsroom.ingest")
public interface IngestConfig {

    /** Source name given to articles that arrive without one. */
    @WithDefault("api")
    String defaultSource();

    Limits limits();

    Outbox outbox();

    Requests requests();

    Feeds feeds();

    NearDuplicates nearDuplicates();

    interface NearDuplicates {
        @WithDefault("true")
        boolean enabled();

        /** Largest Hamming distance between 64-bit SimHashes still flagged as a near-duplicate. */
        @WithDefault("12")
        int threshold();

        /** How far back a near-duplicate is looked for. */
        @WithDefault("7d")
        Duration window();

        @WithDefault("200000")
        int maxEntries();
    }

    interface Feeds {
        /** false: feeds can be registered but nothing polls them on a schedule. */
        @WithDefault("true")
        boolean pollerEnabled();

        /** How often the scheduler looks for feeds that are due (also read by the scheduler). */
        @WithDefault("5s")
        Duration tick();

        @WithDefault("300")
        int defaultPollIntervalSeconds();

        /** Never two fetches to one host closer than this, whatever the feeds' own intervals. */
        @WithDefault("10s")
        Duration perHostMinInterval();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Until the response headers arrive. */
        @WithDefault("20s")
        Duration requestTimeout();

        /** Largest feed document read, in bytes. */
        @WithDefault("20971520")
        long maxBytes();

        /** Most items taken from one feed document. */
        @WithDefault("5000")
        int maxItems();

        /** Ceiling of the exponential backoff after failed polls. */
        @WithDefault("6h")
        Duration maxBackoff();

        /**
         * Hosts or IP addresses a feed may use even though they are loopback, private, link-local or metadata
         * addresses (refused otherwise: server-side request forgery guard).
         */
        java.util.Optional<java.util.List<String>> allowedHosts();
    }

    interface Limits {
        /** Largest accepted article body, in UTF-8 bytes, as sent (before HTML is reduced to text). */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** Most articles in one batch request. */
        @WithDefault("10000")
        int maxBatchItems();

        /** Articles written per database transaction in a batch. */
        @WithDefault("200")
        int batchChunkSize();
    }

    interface Outbox {
        /** Written into each outbox row; the relay's channel ({@code raw-articles-out}) publishes to the same topic. */
        @WithDefault("news.articles.raw")
        String topic();

        /** Rows the relay takes per round. */
        @WithDefault("500")
        int batchSize();

        /** How often the relay sweeps for rows the fast path did not publish (also read by the scheduler). */
        @WithDefault("2s")
        Duration sweepInterval();

        /**
         * How long a round waits for the broker's answers before leaving the unanswered rows for a retry; longer than
         * the channel's {@code max.block.ms + delivery.timeout.ms}, so every send normally has its answer by then.
         */
        @WithDefault("30s")
        Duration roundTimeout();

        /** Transient failures after which a row is parked (a too-large or invalid record is parked at once). */
        @WithDefault("50")
        int maxAttempts();

        /** A row's first retry delay, doubled per failed attempt up to {@link #retryMax()}. */
        @WithDefault("1s")
        Duration retryInitial();

        @WithDefault("5m")
        Duration retryMax();

        /** false: nothing is published (rows stay unsent); for tools that only need the registry. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Request limits per endpoint, all below the HTTP layer's {@code quarkus.http.limits.max-body-size}. */
    interface Requests {
        /**
         * Largest request to the batch endpoint, counted while it is read. The HTTP layer's limit sits just above it:
         * when the HTTP layer trips first it answers an empty 413 itself, so this one must trip first.
         */
        @WithDefault("32M")
        io.quarkus.runtime.configuration.MemorySize maxBatchRequest();

        /**
         * Largest request to {@code POST /api/articles}, in bytes, counted while it is read: room for a body at the
         * article limit even when JSON escaping doubles it, plus the other fields.
         */
        @WithDefault("3M")
        io.quarkus.runtime.configuration.MemorySize maxArticleRequest();

        /** Largest request to {@code /api/feeds} (a feed registration is a few hundred bytes). */
        @WithDefault("64K")
        io.quarkus.runtime.configuration.MemorySize maxFeedRequest();
    }
}
