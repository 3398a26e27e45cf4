package newsroom.nlp.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.events.EnrichedArticle;
import newsroom.events.NlpInfo;
import newsroom.events.RawArticle;
import newsroom.nlp.Extraction;
import newsroom.nlp.extraction.EntityExtractor;

/** Turns a raw article into an enriched one: extraction plus engine information. */
@ApplicationScoped
public class ArticleEnricher {

    private final EntityExtractor extractor;
    private final Timer timer;

    public ArticleEnricher(EntityExtractor extractor, MeterRegistry registry) {
        this.extractor = extractor;
        this.timer = Timer.builder("newsroom.nlp.extraction").description("Time to extract the entities of one article")
                .register(registry);
    }

    /** Loads the models at start rather than on the first article, and warms the code paths. */
    void warmUp(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        extractor.extract("Warm-up", "President Trump met Nayib Bukele in Washington on Monday.");
    }

    public EnrichedArticle enrich(RawArticle raw) {
        long t0 = System.nanoTime();
        Extraction extraction = extract(raw.title(), raw.body());
        long tookNanos = System.nanoTime() - t0;
        String language = extraction.language() != null ? extraction.language() : raw.language();
        return EnrichedArticle.of(raw, language, extraction.entities(),
                new NlpInfo(extractor.engine(), extractor.version(), tookNanos / 1_000_000));
    }

    public Extraction extract(String title, String body) {
        long t0 = System.nanoTime();
        try {
            return extractor.extract(title, body);
        } finally {
            timer.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    public EntityExtractor extractor() {
        return extractor;
    }
}
