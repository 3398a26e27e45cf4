package newsroom.ingest.service;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import newsroom.ingest.SimHash;
import newsroom.ingest.config.IngestConfig;
import newsroom.ingest.repository.ArticleFingerprints;
import newsroom.ingest.repository.ArticleFingerprints.Fingerprint;

/**
 * SimHash fingerprints of the window's articles in memory (a ring of at most {@code max-entries}), scanned linearly:
 * XOR + bit count over 200,000 longs is a fraction of a millisecond and exact, where pigeonhole bands for a 12-bit
 * threshold are 5 bits wide and return a large share of the window as candidates.
 * <p>
 * Kept in step across instances through the registry itself: every registering transaction first calls
 * {@link #lockAndCatchUp()}, which takes the writers' advisory lock (held until commit) and appends the fingerprints
 * committed since the last one seen, by any instance, in commit order. A check therefore sees every article committed
 * before it, and two near-duplicates arriving at the same instant at two instances are settled one after the other.
 */
@ApplicationScoped
public class NearDuplicateIndex {
    private static final Logger LOG = Logger.getLogger(NearDuplicateIndex.class);
    private static final int CATCH_UP_PAGE = 10_000;

    private final IngestConfig config;
    private final ArticleFingerprints fingerprints;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final long[] hashes;
    private final String[] ids;
    private final long[] receivedSeconds;
    private int size;
    private int next;
    private long lastSeq;

    public NearDuplicateIndex(IngestConfig config, ArticleFingerprints fingerprints) {
        this.config = config;
        this.fingerprints = fingerprints;
        int capacity = Math.max(1, config.nearDuplicates().maxEntries());
        this.hashes = new long[capacity];
        this.ids = new String[capacity];
        this.receivedSeconds = new long[capacity];
    }

    void load(@Observes StartupEvent start) {
        if (config.nearDuplicates().enabled()) {
            long began = System.nanoTime();
            int loaded = loadWindow();
            LOG.infof("near-duplicate index: %d fingerprints loaded in %d ms", loaded, (System.nanoTime() - began) / 1_000_000);
        }
    }

    /** Fills the ring with the window's newest fingerprints (in the caller's transaction, or a new one). */
    public int loadWindow() {
        Instant since = Instant.now().minus(config.nearDuplicates().window());
        return QuarkusTransaction.joiningExisting().call(() -> {
            long upTo = fingerprints.lastSeq(); // a prefix: nothing committed later has a smaller seq
            List<Fingerprint> rows = fingerprints.window(since, upTo, hashes.length);
            lock.writeLock().lock();
            try {
                rows.forEach(this::add);
                lastSeq = Math.max(lastSeq, upTo);
            } finally {
                lock.writeLock().unlock();
            }
            return rows.size();
        });
    }

    /** Starts following the registry after {@code seq}, with nothing loaded: a detector that sees only newer articles. */
    public void followFrom(long seq) {
        lock.writeLock().lock();
        try {
            lastSeq = seq;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * In the caller's (registering) transaction: takes the writers' lock until commit, then appends what every
     * instance committed since the last fingerprint seen. Call before {@link #nearest} and the article's insert.
     */
    public void lockAndCatchUp() {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("the near-duplicate check runs in the registering transaction");
        }
        fingerprints.lockWriters(); // even when disabled here: other instances' readers rely on commit order
        if (!config.nearDuplicates().enabled()) {
            return;
        }
        lock.writeLock().lock();
        try {
            List<Fingerprint> page;
            do {
                page = fingerprints.after(lastSeq, CATCH_UP_PAGE);
                page.forEach(this::add);
            } while (page.size() == CATCH_UP_PAGE);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The closest article of the window within the threshold (ties: the earliest), or null. */
    public String nearest(long simhash) {
        if (!config.nearDuplicates().enabled()) {
            return null;
        }
        int threshold = config.nearDuplicates().threshold();
        long oldestAllowed = Instant.now().minus(config.nearDuplicates().window()).getEpochSecond();
        lock.readLock().lock();
        try {
            String best = null;
            int bestDistance = threshold + 1;
            int oldest = size < hashes.length ? 0 : next;
            for (int k = 0; k < size; k++) {
                int i = (oldest + k) % hashes.length;
                int d = SimHash.distance(hashes[i], simhash);
                if (d < bestDistance && receivedSeconds[i] >= oldestAllowed) {
                    bestDistance = d;
                    best = ids[i];
                }
            }
            return best;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Fingerprints held (at most {@code max-entries}). */
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void add(Fingerprint f) { // under the write lock
        if (f.seq() <= lastSeq) {
            return;
        }
        hashes[next] = f.simhash();
        ids[next] = f.articleId();
        receivedSeconds[next] = f.receivedEpochSecond();
        next = (next + 1) % hashes.length;
        size = Math.min(size + 1, hashes.length);
        lastSeq = Math.max(lastSeq, f.seq());
    }
}
