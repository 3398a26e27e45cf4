package newsroom.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A change to the nlp-service knowledge base, published to {@link Topics#ENTITY_CHANGES}.
 *
 * <p>Keyed by {@code entityId}. For {@link Kind#MERGED} there is one event per absorbed id, keyed by that absorbed
 * id, with {@code mergedInto} naming the survivor: consumers (search) treat the absorbed id as the survivor from then
 * on, so searching the survivor finds articles indexed under either id. {@link Kind#UNMERGED} (same key) undoes that:
 * the absorbed entity exists again on its own. Keys stay meaningful under log compaction: the last record of an id
 * says whether it is merged.
 *
 * <p>Merges and un-merges carry a {@code revision} that grows with every merge or un-merge in the knowledge base; a
 * consumer applies one only if its revision is above the last it applied for that id, so a record relayed out of
 * order (two relaying instances, a retried send) never undoes a later merge on replay.
 *
 * <p>Compatibility: fields are only ever added (readers ignore unknown ones), and a kind this reader does not know
 * reads as {@link Kind#UNKNOWN}, which consumers skip.
 *
 * @param entityId the entity changed (for MERGED: the absorbed id, which no longer exists; for UNMERGED: that id,
 *        restored)
 * @param mergedInto for MERGED: the surviving entity's id; otherwise {@code null}
 * @param name canonical name after the change (for MERGED: the survivor's), {@code null} for DELETED
 * @param revision for MERGED and UNMERGED: the knowledge base's merge revision; otherwise {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntityChange(
        int schemaVersion,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE) Kind kind,
        String entityId,
        String mergedInto,
        String name,
        EntityType type,
        List<String> aliases,
        Instant at,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long revision) {

    public static final int SCHEMA_VERSION = 1;

    public enum Kind {
        CREATED, UPDATED, DELETED, MERGED,
        /** A merge undone: {@code entityId} is its own entity again (name, type and aliases as restored). */
        UNMERGED,
        /** Read in place of a kind added by a newer producer; never sent. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    public EntityChange {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A change without a merge revision (every kind but MERGED and UNMERGED). */
    public EntityChange(int schemaVersion, Kind kind, String entityId, String mergedInto, String name, EntityType type,
            List<String> aliases, Instant at) {
        this(schemaVersion, kind, entityId, mergedInto, name, type, aliases, at, null);
    }
}
