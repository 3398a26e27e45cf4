package newsroom.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One (subscription, article) match, published to {@link Topics#ALERTS} keyed by subscription id.
 *
 * @param id derived from the pair, so a redelivered or re-indexed article never yields a second match
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertMatch(
        int schemaVersion,
        String id,
        String subscriptionId,
        String subscriptionName,
        String articleId,
        String title,
        String url,
        String source,
        Instant publishedAt,
        Instant matchedAt,
        List<String> entityIds) {

    public static final int SCHEMA_VERSION = 1;

    public AlertMatch {
        entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
    }

    public static String matchId(String subscriptionId, String articleId) {
        return subscriptionId + ":" + articleId;
    }
}
