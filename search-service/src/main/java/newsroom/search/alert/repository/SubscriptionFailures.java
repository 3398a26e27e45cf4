package newsroom.search.alert.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Marks subscriptions whose matching failed ({@code failing_since}, {@code last_error}) and clears the mark after a
 * success. Plain updates of two columns, so a concurrent edit of the definition through the API is never overwritten.
 */
@ApplicationScoped
public class SubscriptionFailures {
    private final DataSource dataSource;

    public SubscriptionFailures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param errors subscription id → why matching it failed; {@code failing_since} keeps the first failure */
    @Transactional
    public void markFailing(Map<String, String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("update search.alert_subscription "
                        + "set failing_since = coalesce(failing_since, now()), last_error = ? where id = ?")) {
            for (Map.Entry<String, String> e : errors.entrySet()) {
                update.setString(1, truncate(e.getValue()));
                update.setString(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark subscriptions failing", e);
        }
    }

    /** Clears the mark of these subscriptions (those among them that were failing). */
    @Transactional
    public void clear(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("update search.alert_subscription set "
                        + "failing_since = null, last_error = null where id = any(?) and failing_since is not null")) {
            update.setArray(1, c.createArrayOf("varchar", ids.toArray(String[]::new)));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not clear failing subscriptions", e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
