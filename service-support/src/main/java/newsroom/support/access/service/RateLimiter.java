package newsroom.support.access.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.support.access.config.AccessConfig;

/**
 * A token bucket per caller on this instance: {@code per-second} sustained, {@code burst} at once. Per instance on
 * purpose: N instances behind a balancer allow N times the rate, which is what adding instances is for.
 */
@ApplicationScoped
public class RateLimiter {
    private static final int MAX_CALLERS = 100_000;

    private final double perNano;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(AccessConfig config) {
        this.perNano = config.rateLimit().perSecond() / 1e9;
        this.burst = Math.max(1, config.rateLimit().burst());
    }

    /** @return 0 when {@code caller} may go on now, else the seconds until it may (at least 1) */
    public long acquire(String caller) {
        if (buckets.size() > MAX_CALLERS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(caller, c -> new Bucket(burst, System.nanoTime())).take(perNano, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(double perNano, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
