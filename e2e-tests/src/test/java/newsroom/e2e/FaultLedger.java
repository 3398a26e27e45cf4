package newsroom.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import newsroom.e2e.FaultApi.Outcome;
import newsroom.e2e.FaultArticles.Article;

/**
 * What happened during the run, by fault window: a window opens when its fault is injected and lasts until the next
 * one; every acknowledged article, every failed call and the recovery of each fault belong to one window.
 */
final class FaultLedger {

    /** A fault's window; the first one ("steady load") has no fault. */
    static final class Window {
        final String fault;
        final Instant start;
        final Map<Outcome, Integer> failedCalls = new EnumMap<>(Outcome.class);
        final List<String> notes = new CopyOnWriteArrayList<>();
        volatile Duration recovery;
        volatile boolean recoveryMeasured;

        Window(String fault, Instant start) {
            this.fault = fault;
            this.start = start;
        }
    }

    /** An article the ingest API answered 202 for (directly, or as the duplicate of the copy an earlier try stored). */
    record Ack(String id, String url, Instant at, int window, boolean namesBukele, boolean mentionsTurbines,
            boolean afterRetry) {
    }

    private final List<Window> windows = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    FaultLedger() {
        windows.add(new Window("steady load (no fault)", Instant.now()));
    }

    synchronized int open(String fault) {
        windows.add(new Window(fault, Instant.now()));
        return windows.size() - 1;
    }

    int current() {
        return windows.size() - 1;
    }

    Window window(int index) {
        return windows.get(index);
    }

    List<Window> windows() {
        return List.copyOf(windows);
    }

    /** The window an instant (e.g. a Kafka record's timestamp) falls in. */
    int windowAt(Instant at) {
        for (int i = windows.size() - 1; i > 0; i--) {
            if (!at.isBefore(windows.get(i).start)) {
                return i;
            }
        }
        return 0;
    }

    Ack acknowledged(Article article, String id, boolean afterRetry) {
        Ack ack = new Ack(id, article.url(), Instant.now(), current(), article.namesBukele(),
                article.mentionsTurbines(), afterRetry);
        acks.add(ack);
        return ack;
    }

    void failed(Outcome outcome) {
        Window window = windows.get(current());
        synchronized (window.failedCalls) {
            window.failedCalls.merge(outcome, 1, Integer::sum);
        }
    }

    void problem(String text) {
        problems.add(text);
    }

    List<Ack> acks() {
        return new ArrayList<>(acks);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
