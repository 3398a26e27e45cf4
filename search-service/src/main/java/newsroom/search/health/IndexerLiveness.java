package newsroom.search.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.config.SearchConfig;
import newsroom.search.messaging.EnrichedArticleIndexer;

/** Live while the indexer thread runs (when enabled): a dead indexer needs a restart, not waiting. */
@Liveness
@ApplicationScoped
public class IndexerLiveness implements HealthCheck {

    private final EnrichedArticleIndexer indexer;
    private final SearchConfig config;

    public IndexerLiveness(EnrichedArticleIndexer indexer, SearchConfig config) {
        this.indexer = indexer;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean enabled = config.indexer().enabled();
        return HealthCheckResponse.named("indexer")
                .status(!enabled || indexer.isRunning())
                .withData("enabled", enabled)
                .withData("lastSuccess", String.valueOf(indexer.lastSuccess()))
                .build();
    }
}
