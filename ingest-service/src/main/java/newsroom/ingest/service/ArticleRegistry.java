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
 * that slips past the look-up hits a unique constraint and is answered as a duplicate.
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
        String near = nearDuplicates.nearest(article.simhash());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                toRecord(article, near).persist();
                outboxRow(article).persist();
                ArticleRecord.flush();
            });
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return findDuplicate(article).map(IngestOutcome::duplicate).orElseThrow(() -> e);
        }
        nearDuplicates.add(article.id(), article.simhash());
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
        List<IngestOutcome> outcomes = new ArrayList<>(articles.size());
        List<PreparedArticle> fresh = new ArrayList<>();
        Map<String, String> nearOf = new HashMap<>();
        Map<String, String> newIdByHash = new HashMap<>();
        Set<String> newIds = new HashSet<>();
        for (PreparedArticle a : articles) {
            String first = storedIds.contains(a.id()) || newIds.contains(a.id()) ? a.id()
                    : storedIdByHash.getOrDefault(a.contentHash(), newIdByHash.get(a.contentHash()));
            if (first != null) {
                outcomes.add(IngestOutcome.duplicate(first));
            } else {
                String near = nearDuplicates.nearest(a.simhash());
                if (near == null) { // an earlier element of this batch
                    int best = config.nearDuplicates().threshold() + 1;
                    for (PreparedArticle earlier : fresh) {
                        int d = SimHash.distance(earlier.simhash(), a.simhash());
                        if (d < best) {
                            best = d;
                            near = earlier.id();
                        }
                    }
                    near = config.nearDuplicates().enabled() ? near : null;
                }
                nearOf.put(a.id(), near);
                outcomes.add(IngestOutcome.accepted(a.id(), near));
                fresh.add(a);
                newIds.add(a.id());
                newIdByHash.put(a.contentHash(), a.id());
            }
        }
        if (fresh.isEmpty()) {
            return outcomes;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (PreparedArticle a : fresh) {
                    toRecord(a, nearOf.get(a.id())).persist();
                }
                ArticleRecord.flush(); // articles before their outbox rows (foreign key)
                for (PreparedArticle a : fresh) {
                    outboxRow(a).persist();
                }
                ArticleRecord.flush();
            });
            fresh.forEach(a -> nearDuplicates.add(a.id(), a.simhash()));
            return outcomes;
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // someone else stored one of these meanwhile: settle each on its own
            return articles.stream().map(this::register).toList();
        }
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
