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
import newsroom.events.EntityChange;
import newsroom.events.EventJson;
import newsroom.nlp.KbEntry;
import newsroom.nlp.extraction.KnowledgeBaseIndex;
import newsroom.support.access.service.AuditTrail;

/**
 * The knowledge base in PostgreSQL (schema {@code nlp}). Every write bumps {@code kb_version} and records its
 * {@link EntityChange} and its audit entry (kind {@value #AUDIT_KIND}, the caller as actor) in the same transaction.
 * Merges and un-merges are in {@link MergeRepository}.
 */
@ApplicationScoped
public class KnowledgeBaseRepository {
    /** The audit log's kind for knowledge-base changes. */
    public static final String AUDIT_KIND = "entity";
    /** The actor of changes nobody asked for (the starter knowledge base). */
    static final String SYSTEM = "system";

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    /** Serializes seeding across instances starting together. */
    private static final long SEED_LOCK = 0x6e6c70L;

    private final AuditTrail audit;

    public KnowledgeBaseRepository(AuditTrail audit) {
        this.audit = audit;
    }

    /** One audit entry for a knowledge-base change, in the caller's transaction. */
    void audit(String actor, String action, String target, Object before, Object after) {
        audit.record(actor, AUDIT_KIND, action, target, before, after);
    }

    EntityManager em() {
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
        // one summary entry per starter file version: the file itself says what each entity is
        audit(SYSTEM, "seed", resource, null, Map.of("sha256", sha256, "inserted", inserted));
        return inserted;
    }

    boolean isGone(String id) {
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

    // ---- curation: every method below is one transaction that bumps kb_version and records an EntityChange

    /** @throws EntityConflictException when the id exists (or was merged away) */
    @Transactional
    public KbEntry create(KbEntry e, String actor) {
        if (EntityRecord.findById(e.id()) != null) {
            throw new EntityConflictException("entity " + e.id() + " already exists");
        }
        String mergedInto = mergedInto(e.id());
        if (mergedInto != null) {
            throw new EntityConflictException("entity " + e.id() + " was merged into " + mergedInto);
        }
        em().createNativeQuery("delete from deleted_entities where id = ?1").setParameter(1, e.id()).executeUpdate();
        EntityRecord r = insert(e);
        changed(EntityChange.Kind.CREATED, r);
        KbEntry created = toEntry(r);
        audit(actor, "create", r.id, null, created);
        return created;
    }

    /**
     * Replaces name, type, description and external ids; replaces the aliases when {@code e.aliases()} is given.
     * A renamed entity keeps its old name as an alias, so texts using it still link.
     */
    @Transactional
    public Optional<KbEntry> update(String id, KbEntry e, boolean replaceAliases, String actor) {
        EntityRecord r = EntityRecord.findById(id);
        if (r == null) {
            return Optional.empty();
        }
        KbEntry before = toEntry(r);
        String oldName = r.name;
        r.name = e.name().strip();
        r.type = e.type();
        r.description = e.description();
        r.externalIds = e.externalIds().isEmpty() ? null : writeJson(e.externalIds());
        if (replaceAliases) {
            r.aliases.clear();
            addAliases(r, e.aliases());
        }
        if (!KnowledgeBaseIndex.foldAlias(oldName).equals(KnowledgeBaseIndex.foldAlias(r.name))) {
            addAliases(r, List.of(oldName));
        }
        r.updatedAt = Instant.now();
        changed(EntityChange.Kind.UPDATED, r);
        KbEntry after = toEntry(r);
        audit(actor, "update", id, before, after);
        return Optional.of(after);
    }

    @Transactional
    public boolean delete(String id, String actor) {
        EntityRecord r = EntityRecord.findById(id);
        if (r == null) {
            return false;
        }
        audit(actor, "delete", id, toEntry(r), null);
        r.delete();
        em().createNativeQuery("insert into deleted_entities (id) values (?1) on conflict (id) do nothing")
                .setParameter(1, id).executeUpdate();
        record(new EntityChange(EntityChange.SCHEMA_VERSION, EntityChange.Kind.DELETED, id, null, null, r.type,
                List.of(), Instant.now()));
        bumpVersion();
        return true;
    }

    @Transactional
    public Optional<KbEntry> addAliases(String id, List<String> aliases, String actor) {
        EntityRecord r = EntityRecord.findById(id);
        if (r == null) {
            return Optional.empty();
        }
        KbEntry before = toEntry(r);
        if (addAliases(r, aliases)) {
            changed(EntityChange.Kind.UPDATED, r);
            audit(actor, "add-aliases", id, before, toEntry(r));
        }
        return Optional.of(toEntry(r));
    }

    @Transactional
    public Optional<KbEntry> removeAlias(String id, String alias, String actor) {
        EntityRecord r = EntityRecord.findById(id);
        if (r == null) {
            return Optional.empty();
        }
        KbEntry before = toEntry(r);
        String key = KnowledgeBaseIndex.foldAlias(alias);
        if (r.aliases.removeIf(a -> a.aliasKey.equals(key))) {
            r.updatedAt = Instant.now();
            changed(EntityChange.Kind.UPDATED, r);
            audit(actor, "remove-alias", id, before, toEntry(r));
        }
        return Optional.of(toEntry(r));
    }

    /** Ids that were merged (directly or through a chain) into {@code survivorId}. */
    @Transactional
    public List<String> absorbedBy(String survivorId) {
        List<?> rows = em().createNativeQuery("select id from merged_entities where merged_into = ?1 order by id")
                .setParameter(1, survivorId).getResultList();
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add((String) r));
        return ids;
    }

    String mergedInto(String id) {
        List<?> rows = em().createNativeQuery("select merged_into from merged_entities where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /**
     * Bulk import: creates new entities, adds aliases (and missing names) to existing ones; one transaction, one audit
     * entry (action {@code import}) per entity it created or changed.
     */
    @Transactional
    public ImportResult importEntries(List<KbEntry> entries, String actor) {
        int created = 0;
        int updated = 0;
        for (KbEntry e : entries) {
            EntityRecord r = EntityRecord.findById(e.id());
            if (r == null) {
                String survivor = mergedInto(e.id());
                if (survivor != null) {
                    r = EntityRecord.findById(resolveMerged(e.id()));
                }
            }
            if (r == null) {
                em().createNativeQuery("delete from deleted_entities where id = ?1").setParameter(1, e.id())
                        .executeUpdate();
                r = insert(e);
                record(change(EntityChange.Kind.CREATED, r));
                audit(actor, "import", r.id, null, toEntry(r));
                created++;
            } else {
                KbEntry before = toEntry(r);
                List<String> names = new ArrayList<>(e.aliases());
                names.add(e.name());
                if (addAliases(r, names)) {
                    record(change(EntityChange.Kind.UPDATED, r));
                    audit(actor, "import", r.id, before, toEntry(r));
                    updated++;
                }
            }
        }
        bumpVersion();
        return new ImportResult(created, updated);
    }

    public record ImportResult(int created, int updated) {
    }

    /** Lists entities, optionally by name or alias prefix (folded) and type. */
    @Transactional
    public List<KbEntry> list(String prefix, newsroom.events.EntityType type, int limit, int offset) {
        StringBuilder jpql = new StringBuilder("select distinct e from EntityRecord e left join fetch e.aliases a where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (prefix != null && !prefix.isBlank()) {
            jpql.append(" and e.id in (select e2.id from EntityRecord e2 left join e2.aliases a2 "
                    + "where lower(e2.name) like :p or a2.aliasKey like :p)");
            params.put("p", KnowledgeBaseIndex.foldAlias(prefix).replace("%", "") + "%");
        }
        if (type != null) {
            jpql.append(" and e.type = :t");
            params.put("t", type);
        }
        jpql.append(" order by e.id");
        var query = em().createQuery(jpql.toString(), EntityRecord.class);
        params.forEach(query::setParameter);
        List<EntityRecord> all = query.getResultList();
        List<KbEntry> page = new ArrayList<>();
        for (int i = offset; i < all.size() && page.size() < limit; i++) {
            page.add(toEntry(all.get(i)));
        }
        return page;
    }

    void changed(EntityChange.Kind kind, EntityRecord r) {
        record(change(kind, r));
        bumpVersion();
    }

    static EntityChange change(EntityChange.Kind kind, EntityRecord r) {
        List<String> aliases = new ArrayList<>();
        r.aliases.forEach(a -> aliases.add(a.alias));
        return new EntityChange(EntityChange.SCHEMA_VERSION, kind, r.id, null, r.name, r.type, aliases, Instant.now());
    }

    void record(EntityChange change) {
        em().createNativeQuery("insert into entity_changes (entity_id, payload) values (?1, ?2)")
                .setParameter(1, change.entityId()).setParameter(2, EventJson.toJson(change)).executeUpdate();
    }

    static KbEntry toEntry(EntityRecord r) {
        List<String> aliases = new ArrayList<>(r.aliases.size());
        for (AliasValue a : r.aliases) {
            aliases.add(a.alias);
        }
        return new KbEntry(r.id, r.name, r.type, r.description, aliases, readJson(r.externalIds));
    }

    static String writeJson(Map<String, String> map) {
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
