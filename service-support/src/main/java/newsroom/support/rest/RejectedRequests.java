package newsroom.support.rest;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** One counter of refused requests in every service: {@code newsroom_http_rejected_total{reason=...}}. */
@ApplicationScoped
public class RejectedRequests {
    private final MeterRegistry registry;

    public RejectedRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param reason a short fixed word ({@code malformed}, {@code invalid}, {@code too-large}, ...), never input */
    public void count(String reason) {
        Counter.builder("newsroom.http.rejected").description("Requests refused as bad input, by reason")
                .tag("reason", reason).register(registry).increment();
    }
}
