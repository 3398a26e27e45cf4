package newsroom.search.alert.repository;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import newsroom.events.AlertMatch;
import newsroom.events.EventJson;
import newsroom.search.alert.MatchView;

/**
 * The match table decides what is new: its primary key is {@link AlertMatch#matchId}, and a match is inserted with
 * its deliveries (the outbox) in one transaction, so a match either exists with every delivery pending or not at all.
 * A subscription that fires once per story also needs its (subscription, story) row in {@code alert_story_fired},
 * inserted in that transaction only when no story of the family has one: its primary key lets one instance win.
 */
@ApplicationScoped
public class AlertMatchStore {
    public static final String KAFKA = "kafka";
    public static final String WEBHOOK = "webhook";

    private final DataSource dataSource;

    public AlertMatchStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One delivery to make now.
     *
     * @param payload the match as recorded ({@link AlertMatch} JSON, UTF-8): sent as it is, never parsed again
     */
    public record Due(String matchId, String channel, int attempts, String subscriptionId, byte[] payload,
            String webhookUrl, String webhookSecret) {
    }

    /**
     * Inserts the matches not seen before and their pending deliveries.
     *
     * @param withWebhook subscription ids that have a webhook
     * @param storyOf for the matches of subscriptions that fire once per story, by match id: the article's story
     *        family, the living story first (under which the firing is recorded), then those merged into it
     * @return the matches that were new, in the given order
     */
    @Transactional
    public List<AlertMatch> recordNew(List<AlertMatch> candidates, java.util.Set<String> withWebhook,
            Map<String, List<String>> storyOf) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<AlertMatch> fresh = new ArrayList<>();
        List<AlertMatch> inserted = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement fire = c.prepareStatement("insert into search.alert_story_fired "
                        + "(subscription_id, story_id, match_id) select ?, ?, ? where not exists (select 1 from "
                        + "search.alert_story_fired where subscription_id = ? and story_id = any(?)) "
                        + "on conflict do nothing");
                PreparedStatement insert = c.prepareStatement("insert into search.alert_match "
                        + "(id, subscription_id, article_id, payload, matched_at) values (?, ?, ?, ?, ?) "
                        + "on conflict (id) do nothing")) {
            for (AlertMatch m : candidates) {
                List<String> family = storyOf.get(m.id());
                if (family != null && !firstForStory(c, fire, m, family)) {
                    continue; // this story (or one merged into it) fired already
                }
                inserted.add(m);
                insert.setString(1, m.id());
                insert.setString(2, m.subscriptionId());
                insert.setString(3, m.articleId());
                insert.setString(4, EventJson.toJson(m));
                insert.setTimestamp(5, Timestamp.from(m.matchedAt()));
                insert.addBatch();
            }
            int[] counts = inserted.isEmpty() ? new int[0] : insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    fresh.add(inserted.get(i));
                }
            }
            if (!fresh.isEmpty()) {
                try (PreparedStatement delivery = c.prepareStatement(
                        "insert into search.alert_delivery (match_id, channel) values (?, ?) on conflict do nothing")) {
                    for (AlertMatch m : fresh) {
                        delivery.setString(1, m.id());
                        delivery.setString(2, KAFKA);
                        delivery.addBatch();
                        if (withWebhook.contains(m.subscriptionId())) {
                            delivery.setString(1, m.id());
                            delivery.setString(2, WEBHOOK);
                            delivery.addBatch();
                        }
                    }
                    delivery.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record alert matches", e);
        }
        return fresh;
    }

    /** Records that the subscription fired for this story; false when it (or a story of its family) had already. */
    private static boolean firstForStory(Connection c, PreparedStatement fire, AlertMatch m, List<String> family)
            throws SQLException {
        fire.setString(1, m.subscriptionId());
        fire.setString(2, family.get(0));
        fire.setString(3, m.id());
        fire.setString(4, m.subscriptionId());
        fire.setArray(5, c.createArrayOf("varchar", family.toArray(String[]::new)));
        return fire.executeUpdate() == 1;
    }

    /**
     * Claims due deliveries for {@code lease}: another poll (or instance) skips them until the lease ends, so a
     * delivery that never reports back is retried after it.
     */
    @Transactional
    public List<Due> claimDue(int limit, Duration lease) {
        List<Due> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement claim = c.prepareStatement("""
                        update search.alert_delivery d set next_attempt_at = now() + make_interval(secs => ?)
                        from search.alert_match m left join search.alert_subscription s on s.id = m.subscription_id
                        where m.id = d.match_id and (d.match_id, d.channel) in (
                            select match_id, channel from search.alert_delivery
                            where state = 'PENDING' and next_attempt_at <= now()
                            order by next_attempt_at limit ? for update skip locked)
                        returning d.match_id, d.channel, d.attempts, m.subscription_id, m.payload, s.webhook_url,
                            s.webhook_secret""")) {
            claim.setDouble(1, lease.toMillis() / 1000.0);
            claim.setInt(2, limit);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5).getBytes(StandardCharsets.UTF_8), rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim alert deliveries", e);
        }
        return out;
    }

    /**
     * One delivery attempt and its outcome.
     *
     * @param retryAt null when delivered ({@code error == null}) or given up
     */
    public record Attempt(String matchId, String channel, Integer status, String error, long tookMs,
            Instant retryAt) {
    }

    /**
     * Records attempts and their outcomes, all in one transaction: at 100,000 subscriptions an article fires dozens,
     * and a transaction each made PostgreSQL the busiest process after the matcher.
     */
    @Transactional
    public void recordAttempts(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement log = c.prepareStatement("insert into search.alert_delivery_attempt "
                        + "(match_id, channel, status, error, took_ms) values (?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("update search.alert_delivery set state = ?, "
                        + "attempts = attempts + 1, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at), "
                        + "delivered_at = case when ? then now() else delivered_at end "
                        + "where match_id = ? and channel = ?")) {
            for (Attempt a : attempts) {
                String state = a.error() == null ? "DELIVERED" : a.retryAt() == null ? "FAILED" : "PENDING";
                log.setString(1, a.matchId());
                log.setString(2, a.channel());
                log.setObject(3, a.status());
                log.setString(4, truncate(a.error()));
                log.setLong(5, a.tookMs());
                log.addBatch();
                update.setString(1, state);
                update.setString(2, truncate(a.error()));
                update.setTimestamp(3, a.retryAt() == null ? null : Timestamp.from(a.retryAt()));
                update.setBoolean(4, a.error() == null);
                update.setString(5, a.matchId());
                update.setString(6, a.channel());
                update.addBatch();
            }
            log.executeBatch();
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record delivery attempts", e);
        }
    }

    /** The newest matches of a subscription. */
    public List<AlertMatch> recent(String subscriptionId, int limit) {
        List<AlertMatch> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select payload from search.alert_match "
                        + "where subscription_id = ? order by matched_at desc, id limit ?")) {
            q.setString(1, subscriptionId);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(EventJson.fromJson(rs.getString(1), AlertMatch.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alert matches", e);
        }
        return out;
    }

    /** The newest matches with their deliveries and every attempt. */
    public List<MatchView> matchesWithDeliveries(String subscriptionId, int limit) {
        Map<String, MatchView> views = new LinkedHashMap<>();
        for (AlertMatch m : recent(subscriptionId, limit)) {
            views.put(m.id(), new MatchView(m, new ArrayList<>()));
        }
        if (views.isEmpty()) {
            return List.of();
        }
        String[] ids = views.keySet().toArray(String[]::new);
        try (Connection c = dataSource.getConnection();
                PreparedStatement d = c.prepareStatement("select match_id, channel, state, attempts, next_attempt_at, "
                        + "last_error, delivered_at from search.alert_delivery where match_id = any(?) "
                        + "order by match_id, channel");
                PreparedStatement a = c.prepareStatement("select match_id, channel, attempted_at, status, error, "
                        + "took_ms from search.alert_delivery_attempt where match_id = any(?) order by id")) {
            d.setArray(1, c.createArrayOf("varchar", ids));
            a.setArray(1, c.createArrayOf("varchar", ids));
            Map<String, List<MatchView.Attempt>> attempts = new LinkedHashMap<>();
            try (ResultSet rs = a.executeQuery()) {
                while (rs.next()) {
                    attempts.computeIfAbsent(rs.getString(1) + "\n" + rs.getString(2), k -> new ArrayList<>())
                            .add(new MatchView.Attempt(rs.getTimestamp(3).toInstant(),
                                    (Integer) rs.getObject(4), rs.getString(5), rs.getLong(6)));
                }
            }
            try (ResultSet rs = d.executeQuery()) {
                while (rs.next()) {
                    Timestamp delivered = rs.getTimestamp(7);
                    views.get(rs.getString(1)).deliveries().add(new MatchView.Delivery(rs.getString(2),
                            rs.getString(3), rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
                            delivered == null ? null : delivered.toInstant(),
                            attempts.getOrDefault(rs.getString(1) + "\n" + rs.getString(2), List.of())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alert deliveries", e);
        }
        return List.copyOf(views.values());
    }

    @Transactional
    public void deleteForSubscription(String subscriptionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("delete from search.alert_match where subscription_id = ?")) {
            q.setString(1, subscriptionId);
            q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete alert matches", e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
