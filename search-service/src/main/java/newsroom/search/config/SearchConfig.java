package newsroom.search.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The article index and the Kafka indexer that fills it. */
@ConfigMapping(prefix = "newsroom.search")
public interface SearchConfig {

    Index index();

    Indexer indexer();

    interface Index {
        /** What every reader queries. */
        @WithDefault("articles")
        String alias();

        /** The versioned index this instance writes to; a mapping change is a new name. */
        @WithDefault("articles-v3")
        String name();

        @WithDefault("1")
        int shards();

        @WithDefault("0")
        int replicas();

        /**
         * How often Elasticsearch makes new documents searchable ({@code index.refresh_interval}, applied at every
         * start, also to an existing index). Nothing forces a refresh; each one writes a segment that merges then
         * rewrite, so a longer interval costs Elasticsearch less (README "Benchmarks") but delays every search and
         * alert by as much: Elasticsearch's 1 s.
         */
        @WithDefault("1s")
        String refreshInterval();

        /** Move the alias to {@link #name()} once the indexer has caught up with the topic. */
        @WithDefault("true")
        boolean switchAliasWhenCaughtUp();
    }

    /**
     * The indexer's own settings; {@code topic}, {@code group-id}, {@code client-id} and {@code max-poll-records}
     * feed the connector's {@code mp.messaging.incoming.enriched-articles.*} configuration.
     */
    interface Indexer {
        /** Feeds {@code mp.messaging.incoming.enriched-articles.enabled}. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("news.articles.enriched")
        String topic();

        /** Per index version by default ({@code search-service-articles-v3}), so a new version reads the topic again. */
        @WithDefault("search-service-${newsroom.search.index.name}")
        String groupId();

        @WithDefault("search-service")
        String clientId();

        @WithDefault("500")
        int maxPollRecords();

        /**
         * Feeds {@code fetch.min.bytes} of the channel: a poll waits for this much (or {@link #fetchMaxWaitMs()}), so
         * a bulk request, and the story refresh after it, covers more articles (README "Benchmarks").
         */
        @WithDefault("1048576")
        int fetchMinBytes();

        /** Feeds {@code fetch.max.wait.ms}: the longest a poll waits for {@link #fetchMinBytes()}. */
        @WithDefault("2000")
        int fetchMaxWaitMs();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Liveness turns DOWN when records have waited this long with no batch acknowledged meanwhile. */
        @WithDefault("5m")
        Duration stallTimeout();

        /** How often the lag is measured (liveness) and the alias switch considered. */
        @WithDefault("2s")
        Duration monitorInterval();
    }
}
