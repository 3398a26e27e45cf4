package newsroom.support.messaging;

import java.time.Duration;

/**
 * How an {@link OutboxRelay} paces itself.
 *
 * @param batchSize    rows claimed per round
 * @param maxAttempts  transient failures after which a row is parked
 * @param retryInitial a row's first retry delay (doubled per attempt, see {@link Backoff#delay})
 * @param retryMax     the longest delay between two attempts of a row
 * @param roundTimeout how long a round waits for the broker's answers; longer than the producer's
 *                     {@code max.block.ms + delivery.timeout.ms}, so that every send has its outcome before the
 *                     round ends (a row left unanswered is retried later and may then be published twice)
 */
public record OutboxSettings(int batchSize, int maxAttempts, Duration retryInitial, Duration retryMax,
        Duration roundTimeout) {
    public OutboxSettings {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be positive");
        }
    }
}
