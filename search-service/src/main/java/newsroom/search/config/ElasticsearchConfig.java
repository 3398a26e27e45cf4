package newsroom.search.config;

import java.time.Duration;
import java.util.List;

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
}
