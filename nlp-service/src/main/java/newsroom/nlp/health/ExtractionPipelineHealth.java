package newsroom.nlp.health;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.nlp.config.NlpConfig;
import newsroom.nlp.messaging.RawArticleConsumer;
import newsroom.nlp.service.KnowledgeBase;

/** Ready when the knowledge base is loaded and the raw-article consumer loop is alive and polling. */
@Readiness
@ApplicationScoped
public class ExtractionPipelineHealth implements HealthCheck {

    private final KnowledgeBase knowledgeBase;
    private final RawArticleConsumer consumer;
    private final NlpConfig config;

    public ExtractionPipelineHealth(KnowledgeBase knowledgeBase, RawArticleConsumer consumer, NlpConfig config) {
        this.knowledgeBase = knowledgeBase;
        this.consumer = consumer;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("nlp-extraction-pipeline")
                .withData("knowledgeBaseVersion", knowledgeBase.index().version())
                .withData("knowledgeBaseEntities", knowledgeBase.index().size());
        boolean up = knowledgeBase.isLoaded();
        if (config.consumer().enabled()) {
            Instant last = consumer.lastPoll();
            b.withData("consumerRunning", consumer.isRunning());
            b.withData("lastPoll", last == null ? "never" : last.toString());
            // a poll older than a minute means the loop is stuck (e.g. a publish that never completes)
            up &= consumer.isRunning() && last != null && Duration.between(last, Instant.now()).toSeconds() < 60;
        }
        return b.status(up).build();
    }
}
