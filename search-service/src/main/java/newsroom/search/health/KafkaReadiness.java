package newsroom.search.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.messaging.EnrichedArticleIndexer;

/** Ready when the Kafka cluster answers; reports the indexer's last error, if any. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final String bootstrapServers;
    private final EnrichedArticleIndexer indexer;
    private volatile Admin admin;

    public KafkaReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            EnrichedArticleIndexer indexer) {
        this.bootstrapServers = bootstrapServers;
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("kafka");
        try {
            String clusterId = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .clusterId().get(3, TimeUnit.SECONDS);
            builder.up().withData("cluster", clusterId).withData("bootstrap", bootstrapServers);
        } catch (Exception e) {
            builder.down().withData("error", String.valueOf(e.getMessage()));
        }
        String lastError = indexer.lastError();
        if (lastError != null) {
            builder.withData("indexer", lastError);
        }
        return builder.build();
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.CLIENT_ID_CONFIG, "search-service-health",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
