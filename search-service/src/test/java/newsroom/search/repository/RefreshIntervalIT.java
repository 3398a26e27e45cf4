package newsroom.search.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import newsroom.search.config.SearchConfig;
import newsroom.stack.testing.LocalStackTestResource;

/** The configured refresh interval is set on a new index and put back on an existing one at start. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class RefreshIntervalIT {

    @Inject
    ElasticsearchClient client;

    @Inject
    ArticleIndex index;

    @Inject
    SearchConfig config;

    @Test
    void theWriteIndexCarriesTheConfiguredRefreshIntervalEvenAfterItWasChanged() throws IOException {
        index.ensureExists();
        assertThat(refreshInterval()).isEqualTo(config.index().refreshInterval());

        client.indices().putSettings(p -> p.index(index.writeIndex())
                .settings(s -> s.refreshInterval(t -> t.time("37s"))));
        assertThat(refreshInterval()).isEqualTo("37s");

        index.ensureExists();
        assertThat(refreshInterval()).isEqualTo(config.index().refreshInterval());
    }

    private String refreshInterval() throws IOException {
        var settings = client.indices().getSettings(g -> g.index(index.writeIndex())).get(index.writeIndex())
                .settings();
        // the answer nests it under "index"; read either form
        var interval = settings.refreshInterval() != null ? settings.refreshInterval()
                : settings.index() == null ? null : settings.index().refreshInterval();
        return interval == null ? null : interval.time();
    }
}
