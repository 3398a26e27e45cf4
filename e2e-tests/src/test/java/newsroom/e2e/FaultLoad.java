package newsroom.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import newsroom.e2e.FaultApi.Outcome;
import newsroom.e2e.FaultApi.Posted;
import newsroom.e2e.FaultArticles.Article;

/**
 * The steady load: one thread posting one article per tick through the ingest API. An article whose call fails
 * (no connection, 429, 5xx) is tried again on the next tick, so the load is bounded (one request in flight) and every
 * generated article is eventually acknowledged. It stops once the faults are over and at least the minimum number of
 * articles has been acknowledged.
 */
final class FaultLoad {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final FaultArticles articles;
    private final FaultLedger ledger;
    private final String source;
    private final int minimum;
    private final long periodNanos;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "fault-suite-load");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean faultsOver;
    private volatile boolean done;
    private int next;
    private Article pending;
    private int attempts;

    FaultLoad(FaultArticles articles, FaultLedger ledger, String source, int minimum, double perSecond) {
        this.articles = articles;
        this.ledger = ledger;
        this.source = source;
        this.minimum = minimum;
        this.periodNanos = (long) (1_000_000_000L / perSecond);
    }

    void start() {
        thread.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Called when the last fault has recovered: the load goes on until the minimum is reached, then stops. */
    void finish(Duration atMost) {
        faultsOver = true;
        await("the load reaches " + minimum + " acknowledged articles").atMost(atMost)
                .pollInterval(Duration.ofMillis(200)).until(() -> done);
        thread.shutdown();
    }

    private void tick() {
        if (done) {
            return;
        }
        if (faultsOver && acknowledged.get() >= minimum && pending == null) {
            done = true;
            return;
        }
        try {
            if (pending == null) {
                pending = articles.article(next++);
                attempts = 0;
            }
            attempts++;
            Posted posted = FaultApi.postArticle(pending.json(source, next), CALL_TIMEOUT);
            switch (posted.outcome()) {
                case ACCEPTED -> acknowledge(posted.id(), attempts > 1);
                // A retry after a failed call: the first try was stored after all, and this answer names it.
                case DUPLICATE -> {
                    if (attempts > 1) {
                        acknowledge(posted.id(), true);
                    } else {
                        ledger.problem("a first post answered duplicate: " + pending.url() + " " + posted.detail());
                        pending = null;
                    }
                }
                case REFUSED -> {
                    ledger.problem("the ingest API refused " + pending.url() + ": " + posted.detail());
                    pending = null;
                }
                default -> ledger.failed(posted.outcome());
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: keep the load alive and say what happened.
            ledger.problem("load tick failed: " + e);
        }
    }

    private void acknowledge(String id, boolean afterRetry) {
        ledger.acknowledged(pending, id, afterRetry);
        acknowledged.incrementAndGet();
        pending = null;
    }

    /** Posts one article now (probes, the size-limit article), retrying failed calls until {@code atMost}. */
    static FaultLedger.Ack postUntilAcknowledged(Article article, String source, FaultLedger ledger, Duration atMost) {
        AtomicInteger tries = new AtomicInteger();
        FaultLedger.Ack[] ack = new FaultLedger.Ack[1];
        await("acknowledged: " + article.url()).atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            Posted posted = FaultApi.postArticle(article.json(source, 0), Duration.ofSeconds(60));
            int attempt = tries.incrementAndGet();
            if (posted.outcome() == Outcome.ACCEPTED || (posted.outcome() == Outcome.DUPLICATE && attempt > 1)) {
                ack[0] = ledger.acknowledged(article, posted.id(), attempt > 1);
                return true;
            }
            if (posted.outcome() == Outcome.REFUSED || posted.outcome() == Outcome.DUPLICATE) {
                throw new AssertionError("the ingest API refused " + article.url() + ": " + posted.detail());
            }
            ledger.failed(posted.outcome());
            return false;
        });
        return ack[0];
    }
}
