package newsroom.nlp.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.nlp.service.KnowledgeBase;

/**
 * Ready when the knowledge base is loaded. The Kafka channels report their own readiness and liveness (the
 * connector's health checks); a consumer that stops making progress is {@link ConsumerProgressLiveness}'s job.
 */
@Readiness
@ApplicationScoped
public class ExtractionPipelineHealth implements HealthCheck {

    private final KnowledgeBase knowledgeBase;

    public ExtractionPipelineHealth(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("nlp-extraction-pipeline")
                .withData("knowledgeBaseVersion", knowledgeBase.index().version())
                .withData("knowledgeBaseEntities", knowledgeBase.index().size())
                .status(knowledgeBase.isLoaded())
                .build();
    }
}
