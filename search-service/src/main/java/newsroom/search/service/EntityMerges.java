package newsroom.search.service;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which entity ids the knowledge base merged into which: articles indexed before a merge keep the absorbed id, so a
 * search for the survivor must also match them (and a search for an absorbed id means the survivor). Filled from
 * {@code news.entities.changes} by {@link newsroom.search.messaging.EntityChangeListener}; an un-merge takes the
 * absorbed id's mapping away again.
 *
 * <p>Merges and un-merges carry the knowledge base's merge revision: per absorbed id only a revision above the last
 * one applied counts, so a record the relay sent out of order cannot undo a later merge or un-merge. Records without
 * a revision (from producers before it existed) apply in log order.
 */
@ApplicationScoped
public class EntityMerges {
    /** Absorbed id → the id it was merged into (which may itself have been merged later). */
    private final Map<String, String> mergedInto = new ConcurrentHashMap<>();
    /** Absorbed id → the revision of the last merge or un-merge applied to it. */
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();

    public void merged(String absorbed, String survivor) {
        merged(absorbed, survivor, null);
    }

    /** @param revision the merge's revision, or null for a record without one */
    public synchronized void merged(String absorbed, String survivor, Long revision) {
        if (absorbed != null && survivor != null && !absorbed.equals(survivor) && isNewer(absorbed, revision)) {
            mergedInto.put(absorbed, survivor);
        }
    }

    /** The merge of {@code absorbed} was undone: it is its own entity again. */
    public synchronized void unmerged(String absorbed, Long revision) {
        if (absorbed != null && isNewer(absorbed, revision)) {
            mergedInto.remove(absorbed);
        }
    }

    private boolean isNewer(String absorbed, Long revision) {
        if (revision == null) {
            return true;
        }
        Long last = revisions.get(absorbed);
        if (last != null && last >= revision) {
            return false;
        }
        revisions.put(absorbed, revision);
        return true;
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
