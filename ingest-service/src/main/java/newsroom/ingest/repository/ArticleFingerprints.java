package newsroom.ingest.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The registry's SimHashes in commit order ({@code article.seq}, migration V4) and the lock every registering writer
 * holds until its commit. Queries run in the caller's transaction.
 */
@ApplicationScoped
public class ArticleFingerprints {
    /** The advisory lock key of article registration ("nduplock"); one writer at a time across all instances. */
    static final long WRITERS_LOCK = 0x6e6475706c6f636bL;

    /** One registered article's fingerprint: its commit-order number, id, SimHash and time received. */
    public record Fingerprint(long seq, String articleId, long simhash, long receivedEpochSecond) {
    }

    private final EntityManager em;

    public ArticleFingerprints(EntityManager em) {
        this.em = em;
    }

    /**
     * Waits for the writers' lock and holds it until the caller's transaction ends (re-entrant). Writers taking
     * seq values under it commit in seq order, and a check made under it sees every article committed before.
     */
    public void lockWriters() {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)").setParameter(1, WRITERS_LOCK).getSingleResult();
    }

    /** The largest seq committed so far (0 for none). */
    public long lastSeq() {
        return ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from ingest.article").getSingleResult()).longValue();
    }

    /** Fingerprints with seq above {@code afterSeq}, in seq order, at most {@code limit}. */
    public List<Fingerprint> after(long afterSeq, int limit) {
        return rows(em.createNativeQuery("select seq, id, simhash, extract(epoch from received_at)::bigint from ingest.article"
                + " where seq > ?1 and simhash is not null order by seq limit ?2")
                .setParameter(1, afterSeq).setParameter(2, limit).getResultList());
    }

    /** The newest {@code limit} fingerprints received at or after {@code since} with seq up to {@code upToSeq}, in seq order. */
    public List<Fingerprint> window(Instant since, long upToSeq, int limit) {
        List<Fingerprint> newestFirst = rows(em.createNativeQuery("select seq, id, simhash,"
                + " extract(epoch from received_at)::bigint from ingest.article"
                + " where received_at >= ?1 and seq <= ?2 and simhash is not null order by seq desc limit ?3")
                .setParameter(1, since).setParameter(2, upToSeq).setParameter(3, limit).getResultList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static List<Fingerprint> rows(List<?> result) {
        List<Fingerprint> rows = new ArrayList<>(result.size());
        for (Object row : result) {
            Object[] r = (Object[]) row;
            rows.add(new Fingerprint(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()));
        }
        return rows;
    }
}
