package newsroom.search.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import newsroom.search.alert.messaging.AlertArticleConsumer;
import newsroom.search.alert.service.AlertMonitor;

/**
 * What every alert test through Kafka needs: articles in and alerts out ({@link AlertKafka}), a start only once the
 * matcher's consumer is positioned and its monitor loaded (its group starts at the end of the topic: an article sent
 * before that would be skipped), and the subscriptions a test made deleted after it (the shared database outlives the
 * class, and every subscription left costs every later match).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AlertPipelineTest {
    protected static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrap;

    @Inject
    protected AlertArticleConsumer consumer;

    @Inject
    protected AlertMonitor monitor;

    protected AlertKafka kafka;
    /** Subscription ids to delete after the test. */
    protected final List<String> created = new ArrayList<>();

    @BeforeAll
    void connectKafka() {
        kafka = new AlertKafka(bootstrap);
        await().atMost(WAIT).until(() -> consumer.isAssigned() && monitor.isLoaded());
    }

    @AfterEach
    void deleteSubscriptions() {
        created.forEach(id -> given().delete("/api/alerts/" + id));
        created.clear();
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }
}
