package newsroom.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes an outbox table through a SmallRye emitter channel and marks each row by the broker's answer to it:
 * acknowledged rows are sent; a row the broker can never take (too large, invalid, unserializable) is parked at once
 * with the reason; any other failure gives the row a {@code next_attempt_at} by {@link Backoff#delay} and the next
 * rounds skip it until then, so one bad row never sits at the head of every round. After
 * {@link OutboxSettings#maxAttempts()} transient failures a row is parked too. Parked rows wait for an operator
 * ({@link #requeueParked}).
 *
 * <p>One round = one transaction: rows are claimed {@code FOR UPDATE SKIP LOCKED} (instances side by side never
 * send the same row at once), sent, and updated once every answer is in (or the round timed out). While the broker
 * does not answer, rounds shrink to a single row (a probe), spaced by a backoff, so an outage does not queue a whole
 * batch behind the producer's {@code max.block.ms}; the first acknowledged probe restores full rounds.
 *
 * <p>Not a bean: each service builds one per table from its own channel and calls {@link #wake()}, {@link #sweep()}
 * and {@link #stop(Duration)}.
 */
public final class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxTable table;
    private final OutboxSettings settings;
    private final MutinyEmitter<String> emitter;
    private final OutboxRows rows;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Backoff probeBackoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15));
    private volatile boolean stopping;
    /** false until a send was acknowledged, and again after a round in which nothing was: rounds are probes */
    private volatile boolean brokerAnswering;
    private volatile long nextProbeAtNanos = System.nanoTime();
    private Consumer<Duration> onPublished = lag -> {
    };

    public OutboxRelay(OutboxTable table, OutboxSettings settings, MutinyEmitter<String> emitter, EntityManager em,
            MeterRegistry meters) {
        this.table = table;
        this.settings = settings;
        this.emitter = emitter;
        this.rows = new OutboxRows(table, em);
        String thread = "outbox-relay-" + table.table();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        Tags tags = Tags.of("table", table.table());
        Gauge.builder("newsroom.outbox.pending", pending, AtomicLong::get).tags(tags)
                .description("Outbox rows waiting to be published (not sent, not parked), as of the last sweep")
                .register(meters);
        Gauge.builder("newsroom.outbox.parked", parked, AtomicLong::get).tags(tags)
                .description("Outbox rows parked (never published) until an operator re-queues them").register(meters);
    }

    /** Called with the time from a row's creation to the broker's acknowledgement, for each published row. */
    public OutboxRelay onPublished(Consumer<Duration> listener) {
        this.onPublished = listener;
        return this;
    }

    /** Asks for rounds soon; cheap, and calls that arrive while one is queued are merged. */
    public void wake() {
        if (!stopping && queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // stopped meanwhile
            }
        }
    }

    /** The periodic pass: refreshes the gauges and relays whatever the fast path left (after a crash, an outage). */
    public void sweep() {
        if (stopping) {
            return;
        }
        try {
            OutboxState state = state();
            pending.set(state.pending());
            parked.set(state.parked());
        } catch (RuntimeException e) {
            LOG.debugf("%s: cannot count rows: %s", table.table(), e.getMessage());
        }
        wake();
    }

    /**
     * Stops claiming rows and waits up to {@code grace} for the round in flight to get its answers and commit.
     * Rows not yet sent stay in the table for the next start.
     */
    public void stop(Duration grace) {
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s: a relay round was still running after %s; its rows stay unsent", table.table(), grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        queued.set(false);
        try {
            while (!stopping) {
                if (!brokerAnswering && System.nanoTime() < nextProbeAtNanos) {
                    return; // the sweep wakes us again
                }
                int limit = brokerAnswering ? settings.batchSize() : 1;
                Round round = relayOnce(limit);
                if (round.acknowledged() > 0) {
                    if (!brokerAnswering) {
                        LOG.infof("%s: the broker acknowledges again, relaying in full rounds", table.table());
                    }
                    brokerAnswering = true;
                    probeBackoff.reset();
                } else if (round.retried() > 0) {
                    if (brokerAnswering) {
                        LOG.warnf("%s: nothing acknowledged in a round, probing with one row at a time (%s)",
                                table.table(), round.lastError());
                    }
                    brokerAnswering = false;
                    nextProbeAtNanos = System.nanoTime() + probeBackoff.next().toNanos();
                }
                if (round.claimed() < limit) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s: relay round failed, rows stay for the next sweep (%s)", table.table(), e.toString());
        }
    }

    /** One round of at most {@code limit} due rows; the counts of what happened to them. */
    public Round relayOnce(int limit) {
        int txSeconds = (int) settings.roundTimeout().toSeconds() + 30;
        return QuarkusTransaction.requiringNew().timeout(txSeconds).call(() -> {
            List<OutboxRows.Row> claimed = rows.claim(limit);
            if (claimed.isEmpty()) {
                return new Round(0, 0, 0, 0, null);
            }
            List<CompletableFuture<Void>> answers = new ArrayList<>(claimed.size());
            for (OutboxRows.Row row : claimed) {
                answers.add(send(row));
            }
            try {
                CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                        .get(settings.roundTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // outcomes are read one by one below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return settle(claimed, answers);
        });
    }

    private CompletableFuture<Void> send(OutboxRows.Row row) {
        try {
            RecordHeaders headers = new RecordHeaders();
            table.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(row.key()).withTopic(table.topic()).withHeaders(headers).build();
            return emitter.sendMessage(Message.of(row.payload()).addMetadata(metadata)).subscribeAsCompletionStage();
        } catch (RuntimeException e) { // e.g. the channel is not connected yet, or its buffer is full
            return CompletableFuture.failedFuture(e);
        }
    }

    private Round settle(List<OutboxRows.Row> claimed, List<CompletableFuture<Void>> answers) {
        List<Long> sent = new ArrayList<>();
        int parkedNow = 0;
        int retried = 0;
        String lastError = null;
        Instant now = Instant.now();
        for (int i = 0; i < claimed.size(); i++) {
            OutboxRows.Row row = claimed.get(i);
            CompletableFuture<Void> answer = answers.get(i);
            if (answer.isDone() && !answer.isCompletedExceptionally()) {
                sent.add(row.id());
                onPublished.accept(Duration.between(row.created(), now));
                continue;
            }
            Throwable failure = answer.isDone() ? answer.handle((v, t) -> t).join()
                    : new java.util.concurrent.TimeoutException("no answer from the broker within " + settings.roundTimeout());
            if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
                failure = failure.getCause();
            }
            lastError = SendFailures.reason(failure);
            int attempts = row.attempts() + 1;
            if (SendFailures.isPermanent(failure)) {
                rows.park(row.id(), lastError);
                parkedNow++;
                LOG.errorf("%s: row %d (key %s) parked, the broker can never take it: %s", table.table(), row.id(),
                        row.key(), lastError);
            } else if (attempts >= settings.maxAttempts()) {
                rows.park(row.id(), "gave up after " + attempts + " attempts: " + lastError);
                parkedNow++;
                LOG.errorf("%s: row %d (key %s) parked after %d attempts: %s", table.table(), row.id(), row.key(),
                        attempts, lastError);
            } else {
                Duration delay = Backoff.delay(row.attempts(), settings.retryInitial(), settings.retryMax());
                rows.retryLater(row.id(), lastError, delay);
                retried++;
            }
        }
        rows.markSent(sent);
        return new Round(claimed.size(), sent.size(), parkedNow, retried, lastError);
    }

    /** Counts and the newest parked row's reason, for gauges and readiness. */
    public OutboxState state() {
        return QuarkusTransaction.requiringNew().call(() -> {
            long waiting = rows.waiting();
            long parkedRows = rows.parked();
            String newest = parkedRows > 0 ? rows.newestParkedReason() : null;
            parked.set(parkedRows);
            return new OutboxState(waiting, parkedRows, newest);
        });
    }

    /**
     * Puts parked rows back in line (all of them, or the one with {@code id}) with a fresh attempt count; returns how
     * many. The same as the SQL {@code update <table> set parked_at = null, attempts = 0, next_attempt_at = null
     * where parked_at is not null and sent_at is null}.
     */
    public int requeueParked(Long id) {
        int n = QuarkusTransaction.requiringNew().call(() -> rows.requeueParked(id));
        wake();
        return n;
    }

    public OutboxTable table() {
        return table;
    }

    /** What one round did: rows claimed, acknowledged, parked, left for a retry, and the last failure's reason. */
    public record Round(int claimed, int acknowledged, int parked, int retried, String lastError) {
    }

    /** Rows waiting, rows parked, and the reason of the most recently parked one (null when none). */
    public record OutboxState(long pending, long parked, String newestParkedReason) {
    }
}
