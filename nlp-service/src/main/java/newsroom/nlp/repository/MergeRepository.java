package newsroom.nlp.repository;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import newsroom.events.EntityChange;
import newsroom.events.EventJson;
import newsroom.nlp.KbEntry;
import newsroom.nlp.extraction.KnowledgeBaseIndex;

/**
 * Merges and un-merges. A merge keeps a {@link MergeRecord} (the absorbed entity as it was, the spellings it added to
 * the survivor), so an un-merge restores the absorbed entity with exactly its own aliases and takes back from the
 * survivor only what the merge gave it. Each is one transaction with its {@link EntityChange}s and audit entries.
 */
@ApplicationScoped
public class MergeRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final KnowledgeBaseRepository kb;

    public MergeRepository(KnowledgeBaseRepository kb) {
        this.kb = kb;
    }

    /** What the audit log shows of a merge or an un-merge: the absorbed entity (when it exists) and the survivor. */
    public record MergeState(KbEntry absorbed, KbEntry survivor) {
    }

    /** An un-merge's outcome: the entity restored, and the survivor without the spellings it had from it. */
    public record Unmerged(KbEntry restored, KbEntry survivor) {
    }

    /**
     * Merges {@code absorbedIds} into {@code survivorId}: their names and aliases become the survivor's aliases,
     * they are deleted, and their ids redirect to the survivor (also ids that had been merged into them).
     *
     * @throws EntityNotFoundException when an id does not exist
     */
    @Transactional
    public KbEntry merge(String survivorId, List<String> absorbedIds, String actor) {
        EntityRecord survivor = EntityRecord.findById(survivorId);
        if (survivor == null) {
            throw new EntityNotFoundException("entity " + survivorId + " not found");
        }
        List<EntityRecord> absorbed = new ArrayList<>();
        for (String id : new LinkedHashSet<>(absorbedIds)) {
            if (id.equals(survivorId)) {
                throw new IllegalArgumentException("an entity cannot be merged into itself: " + id);
            }
            EntityRecord r = EntityRecord.findById(id);
            if (r == null) {
                throw new EntityNotFoundException("entity " + id + " not found");
            }
            absorbed.add(r);
        }
        for (EntityRecord r : absorbed) {
            KbEntry absorbedBefore = KnowledgeBaseRepository.toEntry(r);
            KbEntry survivorBefore = KnowledgeBaseRepository.toEntry(survivor);
            List<String> names = new ArrayList<>();
            names.add(r.name);
            r.aliases.forEach(a -> names.add(a.alias));
            List<String> added = newSpellings(survivor, names);
            KnowledgeBaseRepository.addAliases(survivor, added);
            long revision = nextRevision();
            keep(revision, r, survivorId, added, actor);
            r.delete();
            kb.em().createNativeQuery("update merged_entities set merged_into = ?1 where merged_into = ?2")
                    .setParameter(1, survivorId).setParameter(2, r.id).executeUpdate();
            kb.em().createNativeQuery("insert into merged_entities (id, merged_into) values (?1, ?2) "
                    + "on conflict (id) do update set merged_into = excluded.merged_into, merged_at = now()")
                    .setParameter(1, r.id).setParameter(2, survivorId).executeUpdate();
            kb.record(new EntityChange(EntityChange.SCHEMA_VERSION, EntityChange.Kind.MERGED, r.id, survivorId,
                    survivor.name, survivor.type, List.of(), Instant.now(), revision));
            kb.audit(actor, "merge", r.id, new MergeState(absorbedBefore, survivorBefore),
                    new MergeState(null, KnowledgeBaseRepository.toEntry(survivor)));
        }
        kb.em().flush();
        kb.changed(EntityChange.Kind.UPDATED, survivor);
        return KnowledgeBaseRepository.toEntry(survivor);
    }

    /**
     * Undoes the merge in force of {@code absorbedId}: the entity comes back as it was merged, its spellings leave
     * the survivor (those the survivor had before or was given later stay), ids that had been merged into it point
     * to it again, and an {@code UNMERGED} change goes to {@code news.entities.changes}.
     *
     * @throws EntityNotFoundException when the id was never merged (or never existed)
     * @throws EntityConflictException when it was un-merged already, was merged before merges were kept, or its
     *         survivor has since been deleted or merged on (un-merge that one first)
     */
    @Transactional
    public Unmerged unmerge(String absorbedId, String actor) {
        MergeRecord merge = inForce(absorbedId).orElseThrow(() -> noMergeInForce(absorbedId));
        EntityRecord survivor = EntityRecord.findById(merge.survivorId);
        if (survivor == null) {
            String onward = kb.mergedInto(merge.survivorId);
            throw new EntityConflictException(onward != null
                    ? "entity " + absorbedId + " was merged into " + merge.survivorId + ", which has since been merged "
                            + "into " + onward + ": un-merge " + merge.survivorId + " first"
                    : "entity " + absorbedId + " was merged into " + merge.survivorId + ", which has since been deleted");
        }
        if (EntityRecord.findById(absorbedId) != null) {
            throw new EntityConflictException("an entity " + absorbedId + " exists already");
        }
        KbEntry survivorBefore = KnowledgeBaseRepository.toEntry(survivor);
        Set<String> addedKeys = new HashSet<>();
        read(merge.addedAliases).forEach(a -> addedKeys.add(KnowledgeBaseIndex.foldAlias(a)));
        if (survivor.aliases.removeIf(a -> addedKeys.contains(a.aliasKey))) {
            survivor.updatedAt = Instant.now();
        }
        EntityRecord restored = kb.insert(EventJson.fromJson(merge.absorbedEntity, KbEntry.class));
        restored.createdAt = merge.absorbedCreatedAt;

        long revision = nextRevision();
        merge.unmergedAt = Instant.now();
        merge.unmergedBy = actor;
        merge.unmergeRevision = revision;
        kb.em().createNativeQuery("delete from merged_entities where id = ?1").setParameter(1, absorbedId)
                .executeUpdate();
        for (String id : mergedThrough(absorbedId)) {
            kb.em().createNativeQuery("update merged_entities set merged_into = ?1 where id = ?2")
                    .setParameter(1, absorbedId).setParameter(2, id).executeUpdate();
        }
        KbEntry restoredEntry = KnowledgeBaseRepository.toEntry(restored);
        kb.record(new EntityChange(EntityChange.SCHEMA_VERSION, EntityChange.Kind.UNMERGED, absorbedId, null,
                restoredEntry.name(), restoredEntry.type(), restoredEntry.aliases(), Instant.now(), revision));
        kb.em().flush();
        kb.changed(EntityChange.Kind.UPDATED, survivor);
        KbEntry survivorAfter = KnowledgeBaseRepository.toEntry(survivor);
        kb.audit(actor, "unmerge", absorbedId, new MergeState(null, survivorBefore),
                new MergeState(restoredEntry, survivorAfter));
        return new Unmerged(restoredEntry, survivorAfter);
    }

    private Optional<MergeRecord> inForce(String absorbedId) {
        return MergeRecord.<MergeRecord>find("absorbedId = ?1 and unmergedAt is null", absorbedId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    private RuntimeException noMergeInForce(String absorbedId) {
        if (MergeRecord.count("absorbedId", absorbedId) > 0) {
            return new EntityConflictException("entity " + absorbedId + " was un-merged already");
        }
        String survivor = kb.mergedInto(absorbedId);
        if (survivor != null) {
            return new EntityConflictException("entity " + absorbedId + " was merged into " + survivor
                    + " before merges were kept for undoing; it cannot be un-merged");
        }
        return new EntityNotFoundException("entity " + absorbedId + " was never merged");
    }

    /** Ids whose merges in force lead into {@code id} (directly or through other absorbed ids). */
    private static List<String> mergedThrough(String id) {
        List<String> found = new ArrayList<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(id));
        while (!frontier.isEmpty()) {
            String into = frontier.pop();
            MergeRecord.<MergeRecord>list("survivorId = ?1 and unmergedAt is null", into).forEach(m -> {
                found.add(m.absorbedId);
                frontier.push(m.absorbedId);
            });
        }
        return found;
    }

    /** The spellings among {@code names} the survivor does not match yet (by folded form), each once. */
    private static List<String> newSpellings(EntityRecord survivor, List<String> names) {
        Set<String> keys = new HashSet<>();
        keys.add(KnowledgeBaseIndex.foldAlias(survivor.name));
        survivor.aliases.forEach(a -> keys.add(a.aliasKey));
        List<String> added = new ArrayList<>();
        for (String name : names) {
            if (name != null && !name.isBlank() && keys.add(KnowledgeBaseIndex.foldAlias(name))) {
                added.add(name.strip());
            }
        }
        return added;
    }

    private static void keep(long revision, EntityRecord absorbed, String survivorId, List<String> added,
            String actor) {
        MergeRecord m = new MergeRecord();
        m.id = revision;
        m.absorbedId = absorbed.id;
        m.survivorId = survivorId;
        m.absorbedEntity = EventJson.toJson(KnowledgeBaseRepository.toEntry(absorbed));
        m.absorbedCreatedAt = absorbed.createdAt;
        m.addedAliases = EventJson.toJson(added);
        m.mergedAt = Instant.now();
        m.mergedBy = actor;
        m.persist();
    }

    private long nextRevision() {
        return ((Number) kb.em().createNativeQuery("select nextval('entity_merge_revisions')").getSingleResult())
                .longValue();
    }

    private static List<String> read(String json) {
        try {
            return EventJson.mapper().readValue(json, STRINGS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable merge record: " + e.getMessage(), e);
        }
    }
}
