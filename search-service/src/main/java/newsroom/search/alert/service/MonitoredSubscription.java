package newsroom.search.alert.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import newsroom.search.ArticleQuery;
import newsroom.search.InvalidQueryException;
import newsroom.search.alert.repository.AlertSubscription;

/**
 * What matching needs of one active subscription, copied out of its row (the monitor outlives any transaction).
 *
 * @param query the search it stands for; null when the stored definition no longer parses
 * @param invalid why it does not parse (null when it does)
 * @param updatedAt the row's {@code updated_at}: an edit elsewhere shows as a different value
 * @param perStory fires once per story rather than once per article
 */
public record MonitoredSubscription(String id, String name, boolean hasWebhook, Instant updatedAt, ArticleQuery query,
        String invalid, boolean perStory) {

    public static MonitoredSubscription of(AlertSubscription s) {
        ArticleQuery query = null;
        String invalid = null;
        try {
            query = AlertSubscriptions.queryOf(s);
        } catch (InvalidQueryException e) {
            invalid = "invalid definition: " + String.join("; ", e.details());
        }
        // PostgreSQL keeps microseconds: the committed value, so a later read of the row compares equal.
        Instant updated = s.updatedAt == null ? null : s.updatedAt.truncatedTo(ChronoUnit.MICROS);
        return new MonitoredSubscription(s.id, s.name, s.webhookUrl != null, updated, query, invalid,
                AlertSubscription.PER_STORY.equals(s.per));
    }
}
