package newsroom.ingest;

import java.time.Instant;

import newsroom.ingest.repository.FeedRecord;

/** A feed as the API shows it, with the outcome of its last poll. */
public record FeedView(String id, String url, String source, int pollIntervalSeconds, Instant createdAt,
        Instant lastPolledAt, Instant nextPollAt, String lastStatus, Integer lastHttpStatus, String lastError,
        int consecutiveFailures, int lastItems, int lastAccepted, int lastDuplicates, int lastRejected,
        long totalAccepted) {

    public static FeedView of(FeedRecord f) {
        return new FeedView(f.id, f.url, f.source, f.pollIntervalSeconds, f.createdAt, f.lastPolledAt, f.nextPollAt,
                f.lastStatus, f.lastHttpStatus, f.lastError, f.consecutiveFailures, f.lastItems, f.lastAccepted,
                f.lastDuplicates, f.lastRejected, f.totalAccepted);
    }
}
