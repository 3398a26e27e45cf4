package newsroom.search.alert.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who owns the subscription of a streamed match, so the SSE stream sends a caller only its own. An owner never
 * changes, so answers are kept (bounded: the map starts over past {@link #MAX}); a subscription not found (deleted,
 * or created on no instance yet) is asked again next time. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class SubscriptionOwners {
    static final int MAX = 100_000;
    private static final String NONE = "";

    private final DataSource dataSource;
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    public SubscriptionOwners(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether {@code caller} may see matches of subscription {@code id}. */
    public boolean visibleTo(String id, Caller caller) {
        if (caller.admin()) {
            return true;
        }
        String owner = owners.get(id);
        if (owner == null) {
            owner = load(id);
            if (owner == null) {
                return false;
            }
            if (owners.size() >= MAX) {
                owners.clear();
            }
            owners.put(id, owner);
        }
        return !owner.equals(NONE) && owner.equals(caller.name());
    }

    /** The owner, {@code ""} for a subscription without one, null when there is no such subscription. */
    private String load(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "select owner from search.alert_subscription where id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String owner = rs.getString(1);
                return owner == null ? NONE : owner;
            }
        } catch (SQLException e) {
            return null; // not sent now; asked again with the next match
        }
    }
}
