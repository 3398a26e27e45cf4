package newsroom.support.access.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import newsroom.support.access.config.AccessConfig;

class RateLimiterTest {

    private static AccessConfig limits(double perSecond, int burst) {
        AccessConfig.RateLimit rate = new AccessConfig.RateLimit() {
            public boolean enabled() {
                return true;
            }

            public double perSecond() {
                return perSecond;
            }

            public int burst() {
                return burst;
            }
        };
        return new AccessConfig() {
            public Optional<String> bootstrapAdminKeySha256() {
                return Optional.empty();
            }

            public Duration keyCacheTtl() {
                return Duration.ofSeconds(2);
            }

            public String service() {
                return "test";
            }

            public RateLimit rateLimit() {
                return rate;
            }

            public Oidc oidc() {
                return null;
            }
        };
    }

    @Test
    void aBurstPassesThenTheCallerWaitsWhileOthersGoOn() {
        RateLimiter limiter = new RateLimiter(limits(0.5, 3));
        assertThat(limiter.acquire("runaway")).isZero();
        assertThat(limiter.acquire("runaway")).isZero();
        assertThat(limiter.acquire("runaway")).isZero();
        long wait = limiter.acquire("runaway");
        assertThat(wait).as("seconds until one more token at 0.5/s").isBetween(1L, 2L);
        assertThat(limiter.acquire("quiet desk")).as("another caller has its own bucket").isZero();
    }

    @Test
    void theWaitNeverRoundsDownToZero() {
        RateLimiter limiter = new RateLimiter(limits(1000, 1));
        assertThat(limiter.acquire("fast")).isZero();
        long wait = limiter.acquire("fast");
        assertThat(wait == 0 || wait == 1).isTrue(); // refilled already, or told to come back in a second
    }
}
