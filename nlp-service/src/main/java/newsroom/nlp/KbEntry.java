package newsroom.nlp;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import newsroom.events.EntityType;

/**
 * One knowledge-base entity with its aliases: the JSON-lines format of the starter knowledge base and of bulk imports,
 * and the payload of the curation API.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KbEntry(
        String id,
        String name,
        EntityType type,
        String description,
        List<String> aliases,
        Map<String, String> externalIds) {

    public KbEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
    }
}
