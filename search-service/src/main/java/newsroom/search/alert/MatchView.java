package newsroom.search.alert;

import java.time.Instant;
import java.util.List;

import newsroom.events.AlertMatch;

/** A match with the state of each of its deliveries, for {@code GET /api/alerts/{id}/matches}. */
public record MatchView(AlertMatch match, List<Delivery> deliveries) {

    public record Delivery(String channel, String state, int attempts, Instant nextAttemptAt, String lastError,
            Instant deliveredAt, List<Attempt> log) {
    }

    public record Attempt(Instant at, Integer status, String error, long tookMs) {
    }
}
