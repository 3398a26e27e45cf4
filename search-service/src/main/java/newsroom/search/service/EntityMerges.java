package newsroom.search.service;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which entity ids the knowledge base merged into which: articles indexed before a merge keep the absorbed id, so a
 * search for the survivor must also match them (and a search for an absorbed id means the survivor). Filled from
 * {@code news.entities.changes} by {@link newsroom.search.messaging.EntityChangeListener}.
 */
@ApplicationScoped
public class EntityMerges {
    /** Absorbed id → the id it was merged into (which may itself have been merged later). */
    private final Map<String, String> mergedInto = new ConcurrentHashMap<>();

    public void merged(String absorbed, String survivor) {
        if (absorbed != null && survivor != null && !absorbed.equals(survivor)) {
            mergedInto.put(absorbed, survivor);
        }
    }

    /** The id an entity lives on as today. */
    public String survivor(String id) {
        String current = id;
        Set<String> seen = new LinkedHashSet<>();
        while (mergedInto.containsKey(current) && seen.add(current)) {
            current = mergedInto.get(current);
        }
        if (mergedInto.containsKey(current)) {
            // A cycle (two merges in opposite directions): every member stands for the same entity; pick one stably.
            String start = current;
            return seen.stream().dropWhile(x -> !x.equals(start)).min(String::compareTo).orElse(start);
        }
        return current;
    }

    /** Every id that stands for the same entity as {@code id}: its survivor first, then all ids merged into it. */
    public Set<String> sameEntity(String id) {
        String survivor = survivor(id);
        Set<String> ids = new LinkedHashSet<>();
        ids.add(survivor);
        for (String absorbed : mergedInto.keySet()) {
            if (survivor(absorbed).equals(survivor)) {
                ids.add(absorbed);
            }
        }
        return ids;
    }
}
