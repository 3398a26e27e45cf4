package newsroom.nlp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.extraction.HybridEntityExtractor;

/** Wires the extractor stages to the live knowledge base. */
@ApplicationScoped
public class ExtractorProducer {

    @Produces
    @ApplicationScoped
    EntityExtractor extractor(KnowledgeBase knowledgeBase) {
        return new HybridEntityExtractor(knowledgeBase::index);
    }
}
