package newsroom.search.alert.service;

import java.util.Map;
import java.util.Set;

import newsroom.events.EnrichedArticle;

/**
 * The in-memory part of matching a batch, taken as soon as its articles are read, while they wait to become searchable
 * ({@link AlertMatcher#prematch}): so an alert is due right after its article is searchable, not a whole batch's
 * matching later. The rest (the subscriptions matched on Elasticsearch, recording, failure marks) needs the articles
 * searchable ({@link AlertMatcher#record}).
 *
 * @param articles by id, each once
 * @param matched article id → the subscriptions the monitor matched it with
 * @param failed subscription id → why the monitor could not run it
 * @param elsewhere true when some subscription is matched on Elasticsearch or waits for its failing mark: every
 *     article then has to be recorded
 * @param changes the monitor's change count read before matching ({@link AlertMonitor#changes()})
 */
public record PendingMatches(Map<String, EnrichedArticle> articles, Map<String, Set<String>> matched,
        Map<String, String> failed, boolean elsewhere, long changes) {

    /** False when nothing can come of recording the article: no subscription matched it, and none waits. */
    public boolean awaits(String articleId) {
        return elsewhere || !failed.isEmpty() || !matched.getOrDefault(articleId, Set.of()).isEmpty();
    }
}
