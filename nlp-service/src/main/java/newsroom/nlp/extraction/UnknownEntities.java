package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsroom.events.EntityType;
import newsroom.support.text.EntityIds;
import newsroom.support.text.TextFolding;

/**
 * Entities the knowledge base does not know: the engine's names grouped by name, short person names joined to the one
 * longer name of the article that contains them ("Delgado" -> "Maria Delgado", "Smith" -> "R. Smith"; a name the
 * engine did not call a person only as the surname: the film "Ray" is not the singer Ray Charles), initials
 * written one way ("R. Smith" and "R Smith" are one name), a plural joined to the singular the article also names
 * ("Baftas" -> "Bafta"), one type per entity by vote (full names count double), and an id from the full name alone
 * ({@link #idOf}).
 */
final class UnknownEntities {

    private UnknownEntities() {
    }

    /** What marks an id made from a name alone: an entity the knowledge base does not know. */
    static final String NAME_ID_PREFIX = "name:";

    /**
     * The id of a name the knowledge base does not know: from the name alone, so the type each article votes for
     * ("Oval Office" an organization in one, a facility in the next) never splits one thing into two ids; the type
     * stays on the entity. Values (dates, sums, percentages) are what their type says and keep {@code type:slug}.
     */
    static String idOf(EntityType type, String name) {
        return switch (type) {
            case DATE, MONEY, PERCENT -> EntityIds.of(type, name);
            default -> NAME_ID_PREFIX + TextFolding.slug(name);
        };
    }

    /** The name key: folded, spaces collapsed, the dot after an initial dropped ("R. Smith" = "R Smith"). */
    static String key(String surface) {
        return TextFolding.fold(surface.replaceAll("\\s+", " ")).replaceAll("(?<![\\p{L}\\p{N}])(\\p{L})\\.", "$1")
                .replaceAll("\\s+", " ").strip();
    }

    static List<Span> resolve(List<Span> candidates) {
        Map<String, List<Span>> byName = new LinkedHashMap<>();
        Map<String, String> surfaceOf = new HashMap<>();
        for (Span c : candidates) {
            String key = key(c.name());
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            surfaceOf.putIfAbsent(key, c.name());
        }
        // each name's group: itself, or the single longer multi-word name containing it as a word sequence
        Map<String, String> groupOf = new HashMap<>();
        for (String key : byName.keySet()) {
            String owner = null;
            int owners = 0;
            for (String other : byName.keySet()) {
                if (!other.equals(key) && other.indexOf(' ') > 0 && names(other, surfaceOf.get(other), key)
                        && isMostlyPerson(byName.get(other))
                        && (isMostlyPerson(byName.get(key)) || other.endsWith(" " + key))) {
                    owner = other;
                    owners++;
                }
            }
            groupOf.put(key, owners == 1 ? owner : singularOf(key, surfaceOf.get(key), byName));
        }
        Map<String, List<Span>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, List<Span>> e : byName.entrySet()) {
            String group = groupOf.get(e.getKey());
            while (!groupOf.get(group).equals(group)) {
                group = groupOf.get(group);
            }
            groups.computeIfAbsent(group, k -> new ArrayList<>()).addAll(e.getValue());
        }
        List<Span> spans = new ArrayList<>();
        for (Map.Entry<String, List<Span>> g : groups.entrySet()) {
            EntityType type = vote(g.getValue());
            String name = surfaceOf.get(g.getKey());
            String id = idOf(type, name);
            for (Span c : g.getValue()) {
                spans.add(new Span(c.start(), c.end(), type, id, name, Span.Source.MODEL));
            }
        }
        return spans;
    }

    /** The singular the article also names ("Baftas" of "Bafta"), unless a person's ("the Smiths"); else the key. */
    private static String singularOf(String key, String surface, Map<String, List<Span>> byName) {
        for (String singular : Plurals.singulars(surface)) {
            List<Span> named = byName.get(key(singular));
            if (named != null && !isMostlyPerson(named)) {
                return key(singular);
            }
        }
        return key;
    }

    private static EntityType vote(List<Span> mentions) {
        Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        for (Span c : mentions) {
            votes.merge(c.type(), c.name().indexOf(' ') > 0 ? 2 : 1, Integer::sum);
        }
        EntityType type = EntityType.PERSON;
        int best = -1;
        for (EntityType t : List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.MISC)) {
            int v = votes.getOrDefault(t, 0);
            if (v > best) {
                best = v;
                type = t;
            }
        }
        return type;
    }

    private static boolean isMostlyPerson(List<Span> cs) {
        long persons = cs.stream().filter(c -> c.type() == EntityType.PERSON).count();
        return persons * 2 >= cs.size();
    }

    /** The shorter name is words of the longer one or one of its name parts ("Assad" of "Hafez al-Assad"). */
    private static boolean names(String longer, String longerSurface, String shorter) {
        String padded = " " + longer + " ";
        if (padded.contains(" " + shorter + " ")) {
            return true;
        }
        for (String part : NameParts.partsOf(longerSurface)) {
            if (key(part).equals(shorter)) {
                return true;
            }
        }
        return false;
    }
}
