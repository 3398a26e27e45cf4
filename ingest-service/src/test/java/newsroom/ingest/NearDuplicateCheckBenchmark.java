package newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import newsroom.ingest.config.IngestConfig;
import newsroom.ingest.repository.ArticleFingerprints;
import newsroom.ingest.service.ArticleIntake;
import newsroom.ingest.service.ArticleRegistry;
import newsroom.ingest.service.NearDuplicateIndex;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * Prints the near-duplicate check's time per article with 200,000 fingerprints in the window, before (the in-memory
 * scan of one instance) and after (writers' lock + catch-up query + scan, while a second instance registers an
 * article between every two checks), the time to load the window at start, and the candidates exact pigeonhole bands
 * would return. Not part of the build (no Test/IT suffix):
 * {@code ./mvnw -B -o -pl ingest-service test -Dnewsroom.keepTestStack=true -Dtest=NearDuplicateCheckBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. The 200,000 rows are inserted in a transaction that is rolled back.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class NearDuplicateCheckBenchmark {
    private static final int WINDOW = 200_000;
    private static final int CHECKS = 2_000;
    private static final int REGISTRATIONS = 500;

    @Inject
    IngestConfig config;
    @Inject
    ArticleFingerprints fingerprints;
    @Inject
    ArticleIntake intake;
    @Inject
    EntityManager em;

    @Test
    void printTheCheckTimes() {
        assertThat(config.nearDuplicates().maxEntries()).isGreaterThanOrEqualTo(WINDOW);
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Random random = new Random(7);
        NearDuplicateIndex index = new NearDuplicateIndex(config, fingerprints);
        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(900)); // 200,000 synthetic articles, never committed
        try {
            long inserted = System.nanoTime();
            em.createNativeQuery("insert into ingest.article (id, source, title, body, received_at, content_hash, simhash)"
                    + " select 'b' || substr(md5(?1 || g), 1, 23), 'bench', 't', 'b', now() - (g % 500000) * interval '1 second',"
                    + " md5(?1 || g) || md5(?1 || g || 'x'), hashtextextended(?1 || g, 0)"
                    + " from generate_series(1, ?2) g").setParameter(1, run).setParameter(2, WINDOW).executeUpdate();
            System.out.printf("[near-dup-bench] %d synthetic articles inserted in %d ms%n", WINDOW, ms(inserted));
            long loading = System.nanoTime();
            int loaded = index.loadWindow();
            System.out.printf("[near-dup-bench] start-up load: %d fingerprints in %d ms%n", loaded, ms(loading));
            assertThat(index.size()).isEqualTo(WINDOW);

            long[] before = new long[CHECKS];
            for (int i = 0; i < CHECKS * 5; i++) { // the first 4/5 warm up
                long t = System.nanoTime();
                index.nearest(random.nextLong());
                before[i % CHECKS] = System.nanoTime() - t;
            }
            print("before: in-memory scan only (one instance)", before);

            NearDuplicateIndex otherIndex = new NearDuplicateIndex(config, fingerprints);
            otherIndex.followFrom(Long.MAX_VALUE - 1); // the other instance only writes here
            ArticleRegistry other = new ArticleRegistry(config, otherIndex);
            List<String> written = new ArrayList<>();
            long[] after = new long[CHECKS];
            for (int i = 0; i < CHECKS; i++) {
                written.add(other.register(intake.prepare(new ArticleSubmission("https://near-dup-bench.example/" + run
                        + "/" + i, "near-dup-bench", "Bench " + run + " " + i, "Article " + run + " number " + i
                        + " of the near-duplicate benchmark, " + random.nextLong(), null, "en"), null)).id());
                long probe = random.nextLong();
                after[i] = QuarkusTransaction.requiringNew().call(() -> {
                    long t = System.nanoTime();
                    index.lockAndCatchUp();
                    index.nearest(probe);
                    return System.nanoTime() - t;
                });
            }
            assertThat(index.size()).as("the ring stays full").isEqualTo(WINDOW);
            print("after: writers' lock + catch-up query (1 new article from the other instance) + scan", after);

            // the lock's cost: whole registrations, one writer alone, then two instances writing at once
            ArticleRegistry mine = new ArticleRegistry(config, index);
            registrations("one instance, one writer", run + "s", List.of(mine), written);
            registrations("two instances writing at once (the lock serialises them)", run + "p", List.of(mine, other),
                    written);
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from ingest.outbox where article_id in (?1)").setParameter(1, written).executeUpdate();
                em.createNativeQuery("delete from ingest.article where id in (?1)").setParameter(1, written).executeUpdate();
            });
        } finally {
            QuarkusTransaction.rollback();
        }
        pigeonholeCandidates(random);
    }

    /** Registers {@link #REGISTRATIONS} articles per registry, each registry on its own thread, and prints the rate. */
    private void registrations(String what, String tag, List<ArticleRegistry> registries, List<String> written) {
        List<PreparedArticle> articles = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS * registries.size(); i++) {
            articles.add(intake.prepare(new ArticleSubmission("https://near-dup-bench.example/" + tag + "/" + i,
                    "near-dup-bench", "Bench " + tag + " " + i, "Article " + tag + " number " + i + " of the lock"
                    + " benchmark, " + UUID.randomUUID(), null, "en"), null));
        }
        long[] nanos = new long[articles.size()];
        ExecutorService pool = Executors.newFixedThreadPool(registries.size());
        long began = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < registries.size(); w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = writer; i < articles.size(); i += registries.size()) {
                        long t = System.nanoTime();
                        registries.get(writer).register(articles.get(i));
                        nanos[i] = System.nanoTime() - t;
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        articles.forEach(a -> written.add(a.id()));
        print("registration, " + what + String.format(" (%.0f articles/s)", articles.size() / seconds), nanos);
    }

    /** Exact bands for distance <= 12 over 64 bits: 13 bands (12 of 5 bits, 1 of 4); one must match exactly. */
    private static void pigeonholeCandidates(Random random) {
        long[] window = new long[WINDOW];
        Arrays.setAll(window, i -> random.nextLong());
        int queries = 200;
        long candidates = 0;
        for (int q = 0; q < queries; q++) {
            long probe = random.nextLong();
            for (long h : window) {
                for (int band = 0, from = 0; band < 13; band++) {
                    int width = band < 12 ? 5 : 4;
                    long mask = ((1L << width) - 1) << from;
                    from += width;
                    if ((h & mask) == (probe & mask)) {
                        candidates++;
                        break;
                    }
                }
            }
        }
        System.out.printf("[near-dup-bench] pigeonhole LSH (13 bands of 5/4 bits): %d candidates per check of %d"
                + " fingerprints (%.0f %%)%n", candidates / queries, WINDOW, 100.0 * candidates / queries / WINDOW);
    }

    private static void print(String what, long[] nanos) { // 200,000 fingerprints in the ring of the checking instance
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("[near-dup-bench] %s, %d calls, %d fingerprints in the checking ring:"
                + " p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                what, nanos.length, WINDOW, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
