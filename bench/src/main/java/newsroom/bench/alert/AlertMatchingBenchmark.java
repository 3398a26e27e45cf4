package newsroom.bench.alert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsroom.bench.ConfigDefaults;
import newsroom.events.EnrichedArticle;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.repository.AlertSubscription;
import newsroom.search.alert.service.AlertDocuments;
import newsroom.search.alert.service.AlertMonitor;
import newsroom.search.alert.service.MonitoredSubscription;
import newsroom.search.service.EntityMerges;

/**
 * The Lucene monitor alone, in this process, with {@link AlertScaleBenchmark}'s subscriptions and articles: how long it
 * takes to load them and to match a batch of articles (as the matcher hands them over: at once), each article's share
 * of that (batch time / batch size), and how many candidate queries the presearcher lets through per batch (the cost
 * of a match). No server, no other work on the cores: what matching costs, not what a busy
 * search-service makes of it. Prints figures; asserts nothing.
 *
 * <p>Run: {@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.alert.AlertMatchingBenchmark}
 * (options: {@code -Dbench.subscriptions=100000 -Dbench.articles=2000 -Dbench.batch=20 (1: one article at a time)
 * -Dbench.presearcher=term|multipass}; the monitor matches each batch whole, as the service does with
 * {@code newsroom.alerts.monitor-batch} set to the batch size).
 */
public final class AlertMatchingBenchmark {

    public static void main(String[] args) throws Exception {
        int subscriptions = Integer.getInteger("bench.subscriptions", 100_000);
        int articles = Integer.getInteger("bench.articles", 2000);
        String presearcher = System.getProperty("bench.presearcher", "term");
        AlertWorkload workload = new AlertWorkload("m", 12L);
        List<MonitoredSubscription> subs = new ArrayList<>(subscriptions);
        for (int i = 0; i < subscriptions; i++) {
            AlertWorkload.Subscription w = workload.subscription(i);
            AlertSubscription row = new AlertSubscription();
            row.id = w.id();
            row.name = w.name();
            row.q = w.q();
            row.entities = w.entity() == null ? "" : w.entity();
            subs.add(MonitoredSubscription.of(row));
        }
        int batch = Integer.getInteger("bench.batch", 20);
        // The monitor is handed each batch whole (newsroom.alerts.monitor-batch = the batch size).
        AlertConfig config = ConfigDefaults.of(AlertConfig.class, Map.of("monitorPresearcher", presearcher,
                "monitorBatch", String.valueOf(batch)));
        AlertMonitor monitor = new AlertMonitor(config, new SimpleMeterRegistry());
        long loadStart = System.nanoTime();
        monitor.put(subs);
        System.out.printf("[alert-matching] %d subscriptions, presearcher %s: loaded in %.1f s%n", subscriptions,
                presearcher, (System.nanoTime() - loadStart) / 1e9);

        AlertDocuments documents = new AlertDocuments(new EntityMerges());
        // Whole batches only, the first fifth (at least 100 articles) to warm the JIT and the caches up.
        int batches = Math.max(1, articles / batch);
        int warm = Math.max(1, Math.max(100, articles / 5) / batch);
        long[] perBatch = new long[batches];
        long[] perArticle = new long[batches];
        int[] run = new int[batches];
        long matched = 0;
        int n = 0;
        for (int b = -warm; b < batches; b++) {
            List<EnrichedArticle> chunk = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                chunk.add(workload.article("a-" + (b * batch + i), "bench"));
            }
            // Timed like the matcher's timer: the Lucene documents are built inside it.
            long start = System.nanoTime();
            AlertMonitor.Matches m = monitor.match(chunk.stream().map(documents::of).toList());
            long took = System.nanoTime() - start;
            if (b >= 0) {
                perBatch[b] = took;
                perArticle[b] = took / batch;
                run[b] = m.queriesRun();
                matched += m.ids().stream().mapToInt(Set::size).sum();
                n += batch;
            }
        }
        monitor.close();
        Arrays.sort(perBatch);
        Arrays.sort(perArticle);
        Arrays.sort(run);
        System.out.printf("[alert-matching] batches of %d, n=%d batches, %d articles%n", batch, batches, n);
        System.out.printf("[alert-matching] per batch: p50 %.2f ms, p99 %.2f ms, max %.2f ms; queries run per batch "
                + "p50 %d, p99 %d%n", perBatch[batches / 2] / 1e6, perBatch[(int) (batches * 0.99)] / 1e6,
                perBatch[batches - 1] / 1e6, run[batches / 2], run[(int) (batches * 0.99)]);
        System.out.printf("[alert-matching] per article (batch time / batch size): p50 %.2f ms, p99 %.2f ms; "
                + "%.1f subscriptions matched per article%n", perArticle[batches / 2] / 1e6,
                perArticle[(int) (batches * 0.99)] / 1e6, (double) matched / n);
    }
}
