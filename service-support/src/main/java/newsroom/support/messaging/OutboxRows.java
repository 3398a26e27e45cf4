package newsroom.support.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * The SQL of an outbox table, for {@link OutboxRelay}: claim due rows, mark them sent, give them a later attempt,
 * park them, count them, put parked ones back in line. Every call runs in the caller's transaction.
 */
final class OutboxRows {

    /** A row as claimed. */
    record Row(long id, String key, String payload, int attempts, Instant created) {
    }

    private final OutboxTable table;
    private final EntityManager em;

    OutboxRows(OutboxTable table, EntityManager em) {
        this.table = table;
        this.em = em;
    }

    /** Up to {@code limit} due rows in id order, locked; rows another instance holds are skipped. */
    List<Row> claim(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select " + table.id() + ", " + table.key() + ", "
                + table.payload() + ", attempts, " + table.created() + " from " + table.table()
                + " where sent_at is null and parked_at is null and (next_attempt_at is null or next_attempt_at <= now())"
                + " order by " + table.id() + " limit :n for update skip locked").setParameter("n", limit)
                .getResultList();
        List<Row> rows = new ArrayList<>(found.size());
        for (Object[] r : found) {
            rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    instant(r[4])));
        }
        return rows;
    }

    void markSent(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("update " + table.table() + " set sent_at = now(), attempts = attempts + 1,"
                    + " last_error = null, next_attempt_at = null where " + table.id() + " in (:ids)")
                    .setParameter("ids", ids).executeUpdate();
        }
    }

    void retryLater(long id, String error, Duration delay) {
        em.createNativeQuery("update " + table.table() + " set attempts = attempts + 1, last_error = :error,"
                + " next_attempt_at = now() + cast(:ms as bigint) * interval '1 millisecond' where " + table.id()
                + " = :id").setParameter("error", error).setParameter("ms", delay.toMillis()).setParameter("id", id)
                .executeUpdate();
    }

    void park(long id, String reason) {
        em.createNativeQuery("update " + table.table() + " set parked_at = now(), attempts = attempts + 1,"
                + " last_error = :error where " + table.id() + " = :id").setParameter("error", reason)
                .setParameter("id", id).executeUpdate();
    }

    /** Each count matches a partial index of the migrations: no scan of the sent rows. */
    long waiting() {
        return count("sent_at is null and parked_at is null");
    }

    long parked() {
        return count("parked_at is not null and sent_at is null");
    }

    /** The reason of the most recently parked row, or null. */
    String newestParkedReason() {
        @SuppressWarnings("unchecked")
        List<Object> reasons = em.createNativeQuery("select last_error from " + table.table()
                + " where parked_at is not null and sent_at is null order by parked_at desc, " + table.id()
                + " desc limit 1").getResultList();
        return reasons.isEmpty() ? null : (String) reasons.get(0);
    }

    /** Parked rows (all, or the one with {@code id}) back in line with a fresh attempt count; how many. */
    int requeueParked(Long id) {
        var update = em.createNativeQuery("update " + table.table() + " set parked_at = null, attempts = 0,"
                + " next_attempt_at = null where parked_at is not null and sent_at is null"
                + (id == null ? "" : " and " + table.id() + " = :id"));
        if (id != null) {
            update.setParameter("id", id);
        }
        return update.executeUpdate();
    }

    private long count(String where) {
        return ((Number) em.createNativeQuery("select count(*) from " + table.table() + " where " + where)
                .getSingleResult()).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.now();
    }
}
