package newsroom.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where the servers of a running stack answer, and the credentials the services use. */
public record RunningStack(String kafkaBootstrap, String elasticsearchUrl, String jdbcUrl, String username,
        String password) {

    /** The configuration a Quarkus service needs to use this stack (the keys its application.properties reads). */
    public Map<String, String> toQuarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", username);
        config.put("quarkus.datasource.password", password);
        config.put("newsroom.elasticsearch.hosts", elasticsearchUrl);
        return config;
    }
}
