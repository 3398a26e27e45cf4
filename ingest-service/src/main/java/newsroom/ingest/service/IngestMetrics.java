package newsroom.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import newsroom.ingest.IngestOutcome;

/** Counts of what the front door did with each article: {@code ingest_articles_total{outcome=...}}. */
@ApplicationScoped
public class IngestMetrics {
    private final Counter accepted;
    private final Counter duplicate;
    private final Counter rejected;

    public IngestMetrics(MeterRegistry registry) {
        accepted = counter(registry, "accepted");
        duplicate = counter(registry, "duplicate");
        rejected = counter(registry, "rejected");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("ingest.articles").description("Articles received, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    public void record(IngestOutcome outcome) {
        switch (outcome.status()) {
            case accepted -> accepted.increment();
            case duplicate -> duplicate.increment();
            case rejected -> rejected.increment();
        }
    }

    public void rejected() {
        rejected.increment();
    }
}
