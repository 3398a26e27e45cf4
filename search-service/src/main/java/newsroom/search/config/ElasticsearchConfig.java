package newsroom.search.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Elasticsearch is: {@code newsroom.elasticsearch.hosts} is a comma-separated list of URLs. */
@ConfigMapping(prefix = "newsroom.elasticsearch")
public interface ElasticsearchConfig {

    List<String> hosts();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration socketTimeout();

    /** Basic authentication, for a cluster with security on (an operator-run cluster has it on by default). */
    Optional<String> username();

    Optional<String> password();
}
