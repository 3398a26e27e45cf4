package newsroom.search.health;


import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.repository.ArticleIndex;

/** Ready when the cluster is green or yellow and the article alias exists (cluster health, not info/ping). */
@Readiness
@ApplicationScoped
public class ElasticsearchReadiness implements HealthCheck {

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    public ElasticsearchReadiness(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("elasticsearch");
        try {
            HealthResponse health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
            boolean aliasExists = !index.aliasTargets().isEmpty();
            builder.withData("cluster", health.clusterName())
                    .withData("status", health.status().jsonValue())
                    .withData("alias", index.alias() + (aliasExists ? " -> " + index.aliasTargets() : " (missing)"));
            return builder.status(health.status() != HealthStatus.Red && aliasExists).build();
        } catch (Exception e) {
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

}
