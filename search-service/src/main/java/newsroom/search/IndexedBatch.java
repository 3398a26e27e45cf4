package newsroom.search;

import java.util.List;

import newsroom.events.EnrichedArticle;

/**
 * Fired (synchronously, as a CDI event) after Elasticsearch acknowledged a batch and before its Kafka offsets are
 * committed: an observer that throws makes the whole batch come again, so observers must be idempotent (alert
 * matching derives its match id from the pair). Articles Elasticsearch rejected are not in it.
 */
public record IndexedBatch(List<EnrichedArticle> articles) {
    public IndexedBatch {
        articles = List.copyOf(articles);
    }
}
