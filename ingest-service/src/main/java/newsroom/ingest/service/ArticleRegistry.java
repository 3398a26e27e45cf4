package newsroom.ingest.service;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import newsroom.events.EventJson;
import newsroom.ingest.IngestOutcome;
import newsroom.ingest.PreparedArticle;
import newsroom.ingest.SimHash;
import newsroom.ingest.config.IngestConfig;
import newsroom.ingest.repository.ArticleRecord;
import newsroom.ingest.repository.OutboxMessage;

/**
 * The article registry: exact de-duplication (same id, i.e. same canonical URL, or same content hash) and the
 * durable write of an accepted article together with its outbox row, in one transaction. A concurrent duplicate
 * that slips past the look-up hits a unique constraint and is answered as a duplicate. The near-duplicate check runs
 * in the writing transaction under the writers' lock ({@link NearDuplicateIndex#lockAndCatchUp()}), so it sees every
 * article any instance committed before.
 */
@ApplicationScoped
public class ArticleRegistry {
    private static final String UNIQUE_VIOLATION = "23505";

    private final IngestConfig config;
    private final NearDuplicateIndex nearDuplicates;

    public ArticleRegistry(IngestConfig config, NearDuplicateIndex nearDuplicates) {
        this.config = config;
        this.nearDuplicates = nearDuplicates;
    }

    public IngestOutcome register(PreparedArticle article) {
        Optional<String> first = findDuplicate(article);
        if (first.isPresent()) {
            return IngestOutcome.duplicate(first.get());
        }
        String near;
        try {
            near = QuarkusTransaction.requiringNew().call(() -> {
                nearDuplicates.lockAndCatchUp(); // held until commit: the check and the insert are one step
                String nearest = nearDuplicates.nearest(article.simhash());
                toRecord(article, nearest).persist();
                outboxRow(article).persist();
                ArticleRecord.flush();
                return nearest;
            });
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return findDuplicate(article).map(IngestOutcome::duplicate).orElseThrow(() -> e);
        }
        return IngestOutcome.accepted(article.id(), near);
    }

    /**
     * Registers several articles in one transaction: duplicates of stored articles and of earlier elements of the
     * same list are answered as duplicates; if a concurrent writer wins a race, falls back to one at a time.
     */
    public List<IngestOutcome> registerAll(List<PreparedArticle> articles) {
        if (articles.isEmpty()) {
            return List.of();
        }
        Map<String, String> storedIdByHash = new HashMap<>();
        Set<String> storedIds = new HashSet<>();
        QuarkusTransaction.joiningExisting().run(() -> {
            List<String> ids = articles.stream().map(PreparedArticle::id).distinct().toList();
            List<String> hashes = articles.stream().map(PreparedArticle::contentHash).distinct().toList();
            ArticleRecord.<ArticleRecord>find("id in ?1", ids).stream().forEach(r -> storedIds.add(r.id));
            ArticleRecord.<ArticleRecord>find("contentHash in ?1", hashes).stream()
                    .forEach(r -> storedIdByHash.put(r.contentHash, r.id));
        });
        List<PreparedArticle> fresh = new ArrayList<>();
        Map<String, String> newIdByHash = new HashMap<>();
        Set<String> newIds = new HashSet<>();
        String[] firstOf = new String[articles.size()]; // by position: the exact duplicate's first id
        for (int i = 0; i < articles.size(); i++) {
            PreparedArticle a = articles.get(i);
            String first = storedIds.contains(a.id()) || newIds.contains(a.id()) ? a.id()
                    : storedIdByHash.getOrDefault(a.contentHash(), newIdByHash.get(a.contentHash()));
            if (first != null) {
                firstOf[i] = first;
            } else {
                fresh.add(a);
                newIds.add(a.id());
                newIdByHash.put(a.contentHash(), a.id());
            }
        }
        Map<String, String> nearOf = new HashMap<>();
        if (!fresh.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    nearDuplicates.lockAndCatchUp(); // held until commit: the checks and the inserts are one step
                    nearOf.putAll(nearest(fresh));
                    for (PreparedArticle a : fresh) {
                        toRecord(a, nearOf.get(a.id())).persist();
                    }
                    ArticleRecord.flush(); // articles before their outbox rows (foreign key)
                    for (PreparedArticle a : fresh) {
                        outboxRow(a).persist();
                    }
                    ArticleRecord.flush();
                });
            } catch (RuntimeException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // someone else stored one of these meanwhile: settle each on its own
                return articles.stream().map(this::register).toList();
            }
        }
        List<IngestOutcome> outcomes = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            String id = articles.get(i).id();
            outcomes.add(firstOf[i] != null ? IngestOutcome.duplicate(firstOf[i]) : IngestOutcome.accepted(id, nearOf.get(id)));
        }
        return outcomes;
    }

    /** Each article's nearest among the window and the earlier elements of the same list (after lockAndCatchUp). */
    private Map<String, String> nearest(List<PreparedArticle> fresh) {
        Map<String, String> nearOf = new HashMap<>();
        if (!config.nearDuplicates().enabled()) {
            return nearOf;
        }
        for (int k = 0; k < fresh.size(); k++) {
            PreparedArticle a = fresh.get(k);
            String near = nearDuplicates.nearest(a.simhash());
            if (near == null) { // an earlier element of this list
                int best = config.nearDuplicates().threshold() + 1;
                for (PreparedArticle earlier : fresh.subList(0, k)) {
                    int d = SimHash.distance(earlier.simhash(), a.simhash());
                    if (d < best) {
                        best = d;
                        near = earlier.id();
                    }
                }
            }
            nearOf.put(a.id(), near);
        }
        return nearOf;
    }

    /** The id of the article this one exactly duplicates, if any. */
    public Optional<String> findDuplicate(PreparedArticle article) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (ArticleRecord.count("id", article.id()) > 0) {
                return Optional.of(article.id());
            }
            return ArticleRecord.<ArticleRecord>find("contentHash", article.contentHash()).firstResultOptional()
                    .map(r -> r.id);
        });
    }

    public Optional<ArticleRecord> find(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> ArticleRecord.<ArticleRecord>findByIdOptional(id));
    }

    /** Articles received at or after {@code since}, oldest first. */
    public List<ArticleRecord> receivedSince(Instant since, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> ArticleRecord.<ArticleRecord>find(
                "receivedAt >= ?1 order by receivedAt, id", since).page(0, limit).list());
    }

    ArticleRecord toRecord(PreparedArticle a, String nearDuplicateOf) {
        ArticleRecord r = new ArticleRecord();
        r.id = a.id();
        r.url = a.url();
        r.canonicalUrl = a.canonicalUrl();
        r.source = a.source();
        r.title = a.title();
        r.body = a.body();
        r.language = a.language();
        r.publishedAt = a.publishedAt();
        r.receivedAt = a.receivedAt();
        r.contentHash = a.contentHash();
        r.feedId = a.feedId();
        r.simhash = a.simhash();
        r.nearDuplicateOf = nearDuplicateOf;
        return r;
    }

    OutboxMessage outboxRow(PreparedArticle a) {
        OutboxMessage m = new OutboxMessage();
        m.articleId = a.id();
        m.topic = config.outbox().topic();
        m.payload = EventJson.toJson(a.toRawArticle());
        m.createdAt = a.receivedAt();
        return m;
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // batched statements report the real error as the "next exception"
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
