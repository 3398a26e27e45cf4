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
import newsroom.ingest.repository.ArticleRecord;

/**
 * SimHash fingerprints of recent articles in memory (a ring of at most {@code max-entries}, loaded from the registry
 * at start-up for the configured window), scanned linearly: XOR + bit count over 200,000 longs takes well under a
 * millisecond, simpler and exact compared with banded look-ups. Near-duplicates are wire stories re-published within
 * days, so a window is enough. Several instances each see the articles they loaded plus their own.
 */
@ApplicationScoped
public class NearDuplicateIndex {
    private static final Logger LOG = Logger.getLogger(NearDuplicateIndex.class);

    private final IngestConfig config;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final long[] hashes;
    private final String[] ids;
    private int size;
    private int next;

    public NearDuplicateIndex(IngestConfig config) {
        this.config = config;
        int capacity = Math.max(1, config.nearDuplicates().maxEntries());
        this.hashes = new long[capacity];
        this.ids = new String[capacity];
    }

    void load(@Observes StartupEvent start) {
        if (!config.nearDuplicates().enabled()) {
            return;
        }
        Instant since = Instant.now().minus(config.nearDuplicates().window());
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> ArticleRecord.getEntityManager()
                .createQuery("select a.id, a.simhash from ArticleRecord a where a.receivedAt >= ?1 and a.simhash is not null"
                        + " order by a.receivedAt", Object[].class)
                .setParameter(1, since).setMaxResults(hashes.length).getResultList());
        rows.forEach(r -> add((String) r[0], (Long) r[1]));
        LOG.infof("near-duplicate index: %d fingerprints loaded", rows.size());
    }

    /** The closest article within the threshold (ties: the earliest), or null. */
    public String nearest(long simhash) {
        if (!config.nearDuplicates().enabled()) {
            return null;
        }
        int threshold = config.nearDuplicates().threshold();
        lock.readLock().lock();
        try {
            String best = null;
            int bestDistance = threshold + 1;
            int oldest = size < hashes.length ? 0 : next;
            for (int k = 0; k < size; k++) {
                int i = (oldest + k) % hashes.length;
                int d = SimHash.distance(hashes[i], simhash);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = ids[i];
                }
            }
            return best;
        } finally {
            lock.readLock().unlock();
        }
    }

    public void add(String id, long simhash) {
        lock.writeLock().lock();
        try {
            hashes[next] = simhash;
            ids[next] = id;
            next = (next + 1) % hashes.length;
            size = Math.min(size + 1, hashes.length);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
