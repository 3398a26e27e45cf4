package newsroom.nlp.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import newsroom.events.EnrichedArticle;
import newsroom.events.NlpInfo;
import newsroom.events.RawArticle;
import newsroom.nlp.Extraction;
import newsroom.nlp.config.NlpConfig;
import newsroom.nlp.extraction.Deadline;
import newsroom.nlp.extraction.EntityExtractor;

/**
 * Turns a raw article into an enriched one: extraction within the per-article time budget, mentions capped so the
 * record stays publishable, engine information. Every extraction running when the service stops is called off, so
 * a stop never waits for a long text.
 */
@ApplicationScoped
public class ArticleEnricher {

    private final EntityExtractor extractor;
    private final KnowledgeBase knowledgeBase;
    private final Timer timer;
    private final Duration budget;
    private final Duration wallLimit;
    private final MentionCap mentionCap;
    private volatile boolean stopping;

    public ArticleEnricher(EntityExtractor extractor, KnowledgeBase knowledgeBase, MeterRegistry registry,
            NlpConfig config) {
        this.extractor = extractor;
        this.knowledgeBase = knowledgeBase;
        this.timer = Timer.builder("newsroom.nlp.extraction").description("Time to extract the entities of one article")
                .register(registry);
        this.budget = config.consumer().extractionBudget();
        this.wallLimit = config.consumer().extractionWallLimit();
        this.mentionCap = new MentionCap(config.consumer().maxMentionsPerEntity(),
                config.consumer().maxMentionsPerArticle());
    }

    /** Loads the models at start rather than on the first article, and warms the code paths. */
    void warmUp(@Observes StartupEvent event) {
        extractor.extract("Warm-up", "President Trump met Nayib Bukele in Washington on Monday.");
    }

    /** Before the connectors stop: in-flight extractions give up at their next check. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * @throws Deadline.Exceeded past the extraction budget ("extraction exceeded 20 s" of CPU time) or its
     *         wall-clock limit
     * @throws Deadline.Cancelled when the service stops meanwhile
     */
    public EnrichedArticle enrich(RawArticle raw) {
        awaitKnowledgeBase();
        long t0 = System.nanoTime();
        Extraction extraction = extract(raw.title(), raw.body(), Deadline.in(budget, wallLimit, () -> stopping));
        long tookNanos = System.nanoTime() - t0;
        String language = extraction.language() != null ? extraction.language() : raw.language();
        return EnrichedArticle.of(raw, language, mentionCap.apply(extraction.entities()),
                new NlpInfo(extractor.engine(), extractor.version(), tookNanos / 1_000_000));
    }

    /** No time budget (the HTTP API answers what it is asked), but called off when the service stops. */
    public Extraction extract(String title, String body) {
        return extract(title, body, Deadline.cancelledWhen(() -> stopping));
    }

    /**
     * The Kafka channels start (startup priority 1000) before the knowledge base is loaded (application priority):
     * an article taken meanwhile waits for it rather than being enriched without it. Outside the time budget.
     */
    private void awaitKnowledgeBase() {
        Deadline stop = Deadline.cancelledWhen(() -> stopping);
        while (!knowledgeBase.isLoaded()) {
            stop.check();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private Extraction extract(String title, String body, Deadline deadline) {
        long t0 = System.nanoTime();
        try {
            return extractor.extract(title, body, deadline);
        } finally {
            timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
    }

    public EntityExtractor extractor() {
        return extractor;
    }
}
