package newsroom.nlp.repository;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import newsroom.events.EventJson;
import newsroom.nlp.KbEntry;
import newsroom.nlp.extraction.KnowledgeBaseIndex;

/** The knowledge base in PostgreSQL (schema {@code nlp}). Every write bumps {@code kb_version} in the same transaction. */
@ApplicationScoped
public class KnowledgeBaseRepository {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    /** Serializes seeding across instances starting together. */
    private static final long SEED_LOCK = 0x6e6c70L;

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    @Transactional
    public Snapshot loadAll() {
        long version = currentVersion();
        List<EntityRecord> records = EntityRecord
                .find("select distinct e from EntityRecord e left join fetch e.aliases order by e.id").list();
        List<KbEntry> entries = new ArrayList<>(records.size());
        for (EntityRecord r : records) {
            entries.add(toEntry(r));
        }
        return new Snapshot(version, entries);
    }

    /** The whole knowledge base at one version. */
    public record Snapshot(long version, List<KbEntry> entries) {
    }

    @Transactional
    public long currentVersion() {
        return ((Number) em().createNativeQuery("select version from kb_version where id = 1").getSingleResult())
                .longValue();
    }

    void bumpVersion() {
        em().createNativeQuery("update kb_version set version = version + 1 where id = 1").executeUpdate();
    }

    @Transactional
    public Optional<KbEntry> find(String id) {
        EntityRecord r = EntityRecord.findById(id);
        return Optional.ofNullable(r).map(KnowledgeBaseRepository::toEntry);
    }

    /** Where a merged id now lives, or the id itself. */
    @Transactional
    public String resolveMerged(String id) {
        String current = id;
        for (int hops = 0; hops < 10; hops++) {
            List<?> rows = em().createNativeQuery("select merged_into from merged_entities where id = ?1")
                    .setParameter(1, current).getResultList();
            if (rows.isEmpty()) {
                return current;
            }
            current = (String) rows.get(0);
        }
        return current;
    }

    /**
     * Loads starter entries once per content hash: inserts missing entities and aliases, never re-creates what a
     * curator deleted or merged away, never overwrites curated names.
     *
     * @return the number of entities inserted
     */
    @Transactional
    public int seed(String resource, String sha256, List<KbEntry> entries) {
        em().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, SEED_LOCK).getSingleResult();
        List<?> applied = em().createNativeQuery("select sha256 from kb_seed where resource = ?1")
                .setParameter(1, resource).getResultList();
        if (!applied.isEmpty() && sha256.equals(applied.get(0))) {
            return 0;
        }
        int inserted = 0;
        for (KbEntry e : entries) {
            if (isGone(e.id())) {
                continue;
            }
            EntityRecord r = EntityRecord.findById(e.id());
            if (r == null) {
                insert(e);
                inserted++;
            } else {
                addAliases(r, e.aliases());
            }
        }
        em().createNativeQuery("insert into kb_seed (resource, sha256, applied_at) values (?1, ?2, now()) "
                + "on conflict (resource) do update set sha256 = excluded.sha256, applied_at = now()")
                .setParameter(1, resource).setParameter(2, sha256).executeUpdate();
        bumpVersion();
        return inserted;
    }

    private boolean isGone(String id) {
        return !em().createNativeQuery("select id from deleted_entities where id = ?1 union all "
                + "select id from merged_entities where id = ?1").setParameter(1, id).getResultList().isEmpty();
    }

    EntityRecord insert(KbEntry e) {
        EntityRecord r = new EntityRecord();
        r.id = e.id();
        r.name = e.name().strip();
        r.type = e.type();
        r.description = e.description();
        r.externalIds = e.externalIds().isEmpty() ? null : writeJson(e.externalIds());
        r.createdAt = Instant.now();
        r.updatedAt = r.createdAt;
        addAliases(r, e.aliases());
        r.persist();
        return r;
    }

    /** Adds the aliases whose folded form is new for this entity (and is not its name). */
    static boolean addAliases(EntityRecord r, List<String> aliases) {
        boolean changed = false;
        String nameKey = KnowledgeBaseIndex.foldAlias(r.name);
        for (String alias : aliases) {
            if (alias == null || alias.isBlank()) {
                continue;
            }
            String key = KnowledgeBaseIndex.foldAlias(alias);
            if (key.equals(nameKey) || r.aliases.stream().anyMatch(a -> a.aliasKey.equals(key))) {
                continue;
            }
            r.aliases.add(new AliasValue(key, alias.strip()));
            changed = true;
        }
        if (changed) {
            r.updatedAt = Instant.now();
        }
        return changed;
    }

    static KbEntry toEntry(EntityRecord r) {
        List<String> aliases = new ArrayList<>(r.aliases.size());
        for (AliasValue a : r.aliases) {
            aliases.add(a.alias);
        }
        return new KbEntry(r.id, r.name, r.type, r.description, aliases, readJson(r.externalIds));
    }

    private static String writeJson(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(map));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> readJson(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
