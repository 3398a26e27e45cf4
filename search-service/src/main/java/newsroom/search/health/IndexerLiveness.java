package newsroom.search.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.config.SearchConfig;
import newsroom.search.messaging.IndexerProgress;

/**
 * DOWN when records have been waiting on this instance's partitions for longer than
 * {@code newsroom.search.indexer.stall-timeout} without a single batch acknowledged: a stuck indexer needs a restart.
 * Kafka itself (connection, channel failures) is covered by the connector's own health checks.
 */
@Liveness
@ApplicationScoped
public class IndexerLiveness implements HealthCheck {

    private final IndexerProgress progress;
    private final SearchConfig config;

    public IndexerLiveness(IndexerProgress progress, SearchConfig config) {
        this.progress = progress;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean enabled = config.indexer().enabled();
        boolean stalled = enabled && progress.stalled();
        var builder = HealthCheckResponse.named("indexer").status(!stalled)
                .withData("enabled", enabled)
                .withData("lag", progress.lag())
                .withData("lastProgress", String.valueOf(progress.lastProgress()))
                .withData("waitingSince", String.valueOf(progress.waitingSince()))
                .withData("stallTimeout", progress.stallTimeout().toString());
        if (progress.lastError() != null) {
            builder.withData("lastError", progress.lastError());
        }
        return builder.build();
    }
}
