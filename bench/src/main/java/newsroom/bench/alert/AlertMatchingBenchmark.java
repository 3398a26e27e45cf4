package newsroom.bench.alert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
 * takes to load them and to match one article, and how many candidate queries the presearcher lets through per
 * article (the cost of a match). No server, no other work on the cores: what matching costs, not what a busy
 * search-service makes of it. Prints figures; asserts nothing.
 *
 * <p>Run: {@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.alert.AlertMatchingBenchmark}
 * (options: {@code -Dbench.subscriptions=100000 -Dbench.articles=2000 -Dbench.presearcher=term|multipass}).
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
        AlertMonitor monitor = new AlertMonitor(ConfigDefaults.of(AlertConfig.class,
                Map.of("monitorPresearcher", presearcher)), new SimpleMeterRegistry());
        long loadStart = System.nanoTime();
        monitor.put(subs);
        System.out.printf("[alert-matching] %d subscriptions, presearcher %s: loaded in %.1f s%n", subscriptions,
                presearcher, (System.nanoTime() - loadStart) / 1e9);

        AlertDocuments documents = new AlertDocuments(new EntityMerges());
        int warm = Math.max(100, articles / 5);
        long[] nanos = new long[articles];
        int[] run = new int[articles];
        long matched = 0;
        for (int i = -warm; i < articles; i++) {
            EnrichedArticle article = workload.article("a-" + i, "bench");
            long start = System.nanoTime();
            AlertMonitor.Matches m = monitor.match(documents.of(article));
            long took = System.nanoTime() - start;
            if (i >= 0) {
                nanos[i] = took;
                run[i] = m.queriesRun();
                matched += m.ids().size();
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(run);
        System.out.printf("[alert-matching] per article (n=%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                + "queries run p50 %d, p99 %d; %.1f subscriptions matched per article%n", articles,
                nanos[articles / 2] / 1e6, nanos[(int) (articles * 0.99)] / 1e6, nanos[articles - 1] / 1e6,
                run[articles / 2], run[(int) (articles * 0.99)], (double) matched / articles);
    }
}
