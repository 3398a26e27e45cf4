package newsroom.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A change to the nlp-service knowledge base, published to {@link Topics#ENTITY_CHANGES}.
 *
 * <p>Keyed by {@code entityId}. For {@link Kind#MERGED} there is one event per absorbed id, keyed by that absorbed
 * id, with {@code mergedInto} naming the survivor: consumers (search) treat the absorbed id as the survivor from then
 * on, so searching the survivor finds articles indexed under either id. Keys stay meaningful under log compaction.
 *
 * @param entityId the entity changed (for MERGED: the absorbed id, which no longer exists)
 * @param mergedInto for MERGED: the surviving entity's id; otherwise {@code null}
 * @param name canonical name after the change (for MERGED: the survivor's), {@code null} for DELETED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntityChange(
        int schemaVersion,
        Kind kind,
        String entityId,
        String mergedInto,
        String name,
        EntityType type,
        List<String> aliases,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;

    public enum Kind {
        CREATED, UPDATED, DELETED, MERGED
    }

    public EntityChange {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
