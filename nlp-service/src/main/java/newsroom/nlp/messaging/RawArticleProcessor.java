package newsroom.nlp.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.events.EnrichedArticle;
import newsroom.events.EventJson;
import newsroom.nlp.extraction.Deadline;
import newsroom.nlp.service.ArticleEnricher;

/**
 * {@code news.articles.raw} → {@code news.articles.enriched} (channels {@code raw-articles} and
 * {@code enriched-articles}, configured in application.properties).
 *
 * <p>Articles are extracted in parallel on the {@code nlp-workers} pool, unordered; the throttled commit strategy
 * commits only the highest offset below which every record is done, so parallelism never commits past unfinished
 * work. A raw record is acknowledged only when the broker has acknowledged its enriched record (the outgoing message
 * carries the incoming one's acknowledgement). A record that cannot be enriched (not JSON, no id, past the time
 * budget) or whose enriched record can never be published (too large) is nacked, and the connector's
 * {@code dead-letter-queue} failure strategy writes it to {@code news.articles.raw.dlq} with the reason in its
 * headers, then commits it. A broker outage is not such a failure: the producer retries until the broker is back.
 */
@ApplicationScoped
public class RawArticleProcessor {
    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);

    /** The worker pool extraction runs on; its size is {@code smallrye.messaging.worker.nlp-workers.max-concurrency}. */
    public static final String WORKERS = "nlp-workers";

    private final ArticleEnricher enricher;
    private final PipelineProgress progress;
    private final Counter enriched;
    private final Counter deadLettered;

    public RawArticleProcessor(ArticleEnricher enricher, PipelineProgress progress, MeterRegistry registry) {
        this.enricher = enricher;
        this.progress = progress;
        this.enriched = Counter.builder("newsroom.nlp.articles").tag("outcome", "enriched").register(registry);
        this.deadLettered = Counter.builder("newsroom.nlp.articles").tag("outcome", "dead_lettered").register(registry);
    }

    /** @return the enriched record keyed by article id, or {@code null} when the raw record was nacked or given up */
    @Incoming("raw-articles")
    @Outgoing("enriched-articles")
    @Blocking(value = WORKERS, ordered = false)
    public Message<Record<String, byte[]>> process(Message<byte[]> in) {
        progress.started();
        EnrichedArticle article;
        byte[] value;
        try {
            article = enricher.enrich(RawArticles.parse(in.getPayload()));
            value = EventJson.toBytes(article);
        } catch (Deadline.Cancelled e) {
            // neither acknowledged nor dead-lettered: its offset is not committed, the next owner reads it again
            progress.abandoned();
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            deadLetter(in, e);
            return null;
        }
        return in.withPayload(Record.of(article.id(), value))
                .withAck(() -> in.ack().thenRun(() -> {
                    enriched.increment();
                    progress.finished();
                }))
                .withNack(e -> deadLetter(in, new IllegalArgumentException(
                        "enriched article " + article.id() + " cannot be published: " + e.getMessage(), e)));
    }

    /** Nacks {@code in}: the failure strategy writes it to the dead-letter topic, then its offset may be committed. */
    private CompletionStage<Void> deadLetter(Message<byte[]> in, Throwable error) {
        LOG.warnf("Dead-lettering a raw article: %s", error.getMessage() == null ? error : error.getMessage());
        return in.nack(error).thenRun(() -> {
            deadLettered.increment();
            progress.finished();
        });
    }
}
