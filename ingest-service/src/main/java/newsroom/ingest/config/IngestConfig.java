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
        @WithDefault("news.articles.raw")
        String topic();

        /** Rows the relay takes per round. */
        @WithDefault("500")
        int batchSize();

        /** How often the relay sweeps for rows the fast path did not publish (also read by the scheduler). */
        @WithDefault("2s")
        Duration sweepInterval();

        /** How long the relay waits for the broker to acknowledge a round before leaving the rows for later. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** false: nothing is published (rows stay unsent); for tools that only need the registry. */
        @WithDefault("true")
        boolean enabled();
    }
}
