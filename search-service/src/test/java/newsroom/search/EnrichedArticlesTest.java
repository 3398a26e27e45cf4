package newsroom.search;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test that puts enriched articles on Kafka for the indexer: one producer per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EnrichedArticlesTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrap;

    protected EnrichedArticles kafka;

    @BeforeAll
    void producer() {
        kafka = new EnrichedArticles(bootstrap);
    }

    @AfterAll
    void closeProducer() {
        kafka.close();
    }
}
