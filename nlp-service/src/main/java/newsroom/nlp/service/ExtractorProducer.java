package newsroom.nlp.service;

import java.util.Map;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import newsroom.nlp.config.NlpConfig;
import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.extraction.HybridEntityExtractor;
import newsroom.nlp.extraction.LanguageModels;
import newsroom.nlp.extraction.LanguageIdentifier;
import newsroom.nlp.extraction.LinguaLanguageIdentifier;
import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.NameRecognizers;

/** Wires the extractor stages (language, model, knowledge base) from configuration. */
@ApplicationScoped
public class ExtractorProducer {
    private static final Logger LOG = Logger.getLogger(ExtractorProducer.class);

    @Produces
    @ApplicationScoped
    EntityExtractor extractor(KnowledgeBase knowledgeBase, NlpConfig config) {
        long t0 = System.nanoTime();
        LanguageIdentifier languages = config.language().enabled()
                ? new LinguaLanguageIdentifier(config.language().languages())
                : LanguageIdentifier.ENGLISH_ONLY;
        NameRecognizer recognizer = "none".equals(config.ner().engine()) ? null
                : NameRecognizers.create(config.ner().engine(), Map.of("model", config.ner().model()));
        LanguageModels languageModels = config.language().enabled()
                ? LanguageModels.of(config.ner().engine(), config.ner().languageModels())
                : LanguageModels.NONE;
        HybridEntityExtractor extractor = new HybridEntityExtractor(knowledgeBase::index, languages, recognizer,
                config.ner().maxChars(), languageModels);
        LOG.infof("Extractor %s ready in %d ms (loaded on the first article in their language: %s)",
                extractor.engine(), (System.nanoTime() - t0) / 1_000_000, languageModels.languages());
        return extractor;
    }
}
