package newsroom.search.repository;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import newsroom.events.EventJson;
import newsroom.search.config.ElasticsearchConfig;

/**
 * The one {@link ElasticsearchClient} of the service, built by hand (not the Quarkus extension) so that the 8.19
 * client talks to an 8.19 server, with the event JSON conventions (ISO-8601 instants) for documents.
 */
public class ElasticsearchClientProducer {
    private static final Logger LOG = Logger.getLogger(ElasticsearchClientProducer.class);

    @Produces
    @Singleton
    RestClient restClient(ElasticsearchConfig config) {
        HttpHost[] hosts = config.hosts().stream().map(String::strip).filter(h -> !h.isEmpty())
                .map(ElasticsearchClientProducer::host).toArray(HttpHost[]::new);
        if (hosts.length == 0) {
            throw new IllegalArgumentException("newsroom.elasticsearch.hosts names no host");
        }
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(rc -> rc
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setSocketTimeout((int) config.socketTimeout().toMillis()));
        if (config.username().isPresent()) {
            String pair = config.username().get() + ":" + config.password().orElse("");
            builder.setDefaultHeaders(new Header[] { new BasicHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))) });
        }
        return builder.build();
    }

    @Produces
    @Singleton
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        ObjectMapper mapper = EventJson.configure(new ObjectMapper());
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
    }

    void close(@Disposes RestClient restClient) {
        try {
            restClient.close();
        } catch (IOException e) {
            LOG.debug("closing the Elasticsearch client failed", e);
        }
    }

    static HttpHost host(String url) {
        URI uri = URI.create(url.contains("://") ? url : "http://" + url);
        int port = uri.getPort() > 0 ? uri.getPort() : 9200;
        return new HttpHost(uri.getHost(), port, uri.getScheme() == null ? "http" : uri.getScheme());
    }
}
