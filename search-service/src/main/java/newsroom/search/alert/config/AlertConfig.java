package newsroom.search.alert.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "newsroom.alerts")
public interface AlertConfig {

    /** Subscriptions per multi-search request (a batch is matched with one msearch per chunk). */
    @WithDefault("200")
    int msearchChunk();

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

    /** Whether this instance relays news.alerts to its SSE clients. */
    @WithDefault("true")
    boolean streamEnabled();
}
