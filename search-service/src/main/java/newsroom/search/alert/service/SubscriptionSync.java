package newsroom.search.alert.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.repository.AlertSubscription;
import newsroom.support.messaging.Backoff;

/**
 * Keeps the monitor equal to the active subscriptions in PostgreSQL, the one place every instance writes them.
 *
 * <p>At start every active subscription is loaded (in the background; matching waits for it). Then each instance
 * polls a digest of the active rows (count and a hash of id, {@code updated_at} and the failing mark) every
 * {@code newsroom.alerts.monitor-sync-interval}; when it moved, the rows are read and only the added, edited, paused
 * and deleted subscriptions are applied. Chosen over a topic because nothing can be lost between a commit and a
 * notification (there is none to send), an instance that was away converges by itself, and the cost is one aggregate
 * query per interval. A change made through this instance is applied at once, right after its commit. Entity merges
 * need nothing here: they are applied to the articles' side ({@link AlertDocuments}).
 */
@ApplicationScoped
public class SubscriptionSync {
    private static final Logger LOG = Logger.getLogger(SubscriptionSync.class);
    private static final String ACTIVE = " from search.alert_subscription where active";

    private final AlertMonitor monitor;
    private final DataSource dataSource;
    private final AlertConfig config;
    private volatile String digest;
    private volatile boolean stopping;

    public SubscriptionSync(AlertMonitor monitor, DataSource dataSource, AlertConfig config) {
        this.monitor = monitor;
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        Thread loader = new Thread(this::initialLoad, "alert-monitor-load");
        loader.setDaemon(true);
        loader.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    private void initialLoad() {
        long t0 = System.nanoTime();
        Backoff backoff = new Backoff(config.matchInitialBackoff(), config.matchMaxBackoff());
        while (!stopping) {
            try {
                sync();
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                monitor.loaded(took);
                LOG.infof("alert monitor loaded in %d ms: %d subscriptions in memory, %d on Elasticsearch, %d invalid",
                        took.toMillis(), monitor.byTarget(AlertMonitor.Target.MONITOR).size(),
                        monitor.byTarget(AlertMonitor.Target.ELASTICSEARCH).size(),
                        monitor.byTarget(AlertMonitor.Target.INVALID).size());
                return;
            } catch (RuntimeException | SQLException e) {
                LOG.warnf("cannot load the alert subscriptions yet, will retry: %s", e.toString());
                try {
                    Thread.sleep(backoff.next().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Scheduled(every = "${newsroom.alerts.monitor-sync-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!monitor.isLoaded() || stopping) {
            return;
        }
        try {
            sync();
        } catch (RuntimeException | SQLException e) {
            LOG.warnf("cannot compare the alert subscriptions with PostgreSQL, will retry: %s", e.toString());
        }
    }

    /** Brings the monitor to PostgreSQL's state when the digest moved; returns true when it read the rows. */
    synchronized boolean sync() throws SQLException {
        long snapshotAt = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            String now = digest(c);
            if (now.equals(digest)) {
                return false;
            }
            Map<String, AlertSubscription> rows = new HashMap<>();
            Set<String> failing = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement("select id, name, q, entities, types, sources, "
                    + "webhook_url is not null, updated_at, failing_since is not null, per" + ACTIVE)) {
                select.setFetchSize(5000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        AlertSubscription s = new AlertSubscription();
                        s.id = rs.getString(1);
                        s.name = rs.getString(2);
                        s.q = rs.getString(3);
                        s.entities = rs.getString(4);
                        s.types = rs.getString(5);
                        s.sources = rs.getString(6);
                        s.webhookUrl = rs.getBoolean(7) ? "(set)" : null;
                        Timestamp updated = rs.getTimestamp(8);
                        s.updatedAt = updated == null ? null : updated.toInstant();
                        s.per = rs.getString(10);
                        rows.put(s.id, s);
                        if (rs.getBoolean(9)) {
                            failing.add(s.id);
                        }
                    }
                }
            }
            apply(rows, snapshotAt);
            monitor.failingAre(failing);
            digest = now;
            return true;
        }
    }

    private void apply(Map<String, AlertSubscription> rows, long snapshotAt) {
        List<MonitoredSubscription> changed = new ArrayList<>();
        for (AlertSubscription s : rows.values()) {
            AlertMonitor.Entry known = monitor.entry(s.id);
            boolean same = known != null && Objects.equals(known.subscription().updatedAt(), s.updatedAt)
                    && known.subscription().hasWebhook() == (s.webhookUrl != null);
            if (!same && !monitor.changedSince(s.id, snapshotAt)) {
                changed.add(MonitoredSubscription.of(s));
            }
        }
        List<String> gone = monitor.entries().keySet().stream()
                .filter(id -> !rows.containsKey(id) && !monitor.changedSince(id, snapshotAt)).toList();
        monitor.put(changed);
        monitor.remove(gone);
        if (!changed.isEmpty() || !gone.isEmpty()) {
            LOG.debugf("alert monitor: %d subscriptions added or changed, %d removed", changed.size(), gone.size());
        }
    }

    private static String digest(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select count(*), coalesce(sum(hashtext(id || '|' "
                + "|| coalesce(updated_at::text, '') || '|' || (failing_since is null)::text)::bigint), 0)" + ACTIVE);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1) + ":" + rs.getLong(2);
        }
    }

    /** A change committed through this instance: applied now, not at the next poll. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionChanged change) {
        if (change.state() == null) {
            monitor.remove(List.of(change.id()));
        } else {
            monitor.put(List.of(change.state()));
        }
    }
}
