package newsroom.support.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff between an initial and a maximum delay, with +-20 % jitter so that instances retrying the same
 * server do not retry in step. Either stateful ({@link #next()}, {@link #reset()} after a success) or from an attempt
 * count kept elsewhere ({@link #delay(int, Duration, Duration)}, e.g. in a database row).
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private int attempts;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The delay before the next attempt; each call doubles the next one, up to the maximum. */
    public synchronized Duration next() {
        return delay(attempts++, initial, max);
    }

    public synchronized void reset() {
        attempts = 0;
    }

    /** initial * 2^attempts, capped at max, then +-20 % jitter; never below one millisecond. */
    public static Duration delay(int attempts, Duration initial, Duration max) {
        long ms = initial.toMillis() << Math.min(Math.max(attempts, 0), 30);
        if (ms <= 0 || ms > max.toMillis()) {
            ms = max.toMillis();
        }
        long jitter = (long) (ms * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, ms + jitter));
    }
}
