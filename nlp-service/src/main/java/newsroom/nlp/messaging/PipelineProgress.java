package newsroom.nlp.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the raw → enriched path is doing: articles in flight (received, not yet published or dead-lettered) and when
 * one last started or finished. The liveness check compares this with the consumer's lag.
 */
@ApplicationScoped
public class PipelineProgress {

    private final AtomicLong inFlight = new AtomicLong();
    private volatile long lastActivityNanos = System.nanoTime();

    public void started() {
        inFlight.incrementAndGet();
        lastActivityNanos = System.nanoTime();
    }

    /** Published and acknowledged, or dead-lettered: the offset can be committed. */
    public void finished() {
        inFlight.decrementAndGet();
        lastActivityNanos = System.nanoTime();
    }

    /** Given up without an outcome (the service stops): the record is read again after the restart. */
    public void abandoned() {
        inFlight.decrementAndGet();
    }

    public long inFlight() {
        return inFlight.get();
    }

    public Duration sinceLastActivity() {
        return Duration.ofNanos(System.nanoTime() - lastActivityNanos);
    }
}
