package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.events.EntityType;
import newsroom.nlp.KbEntry;
import newsroom.nlp.ner.RecognizedName;
import newsroom.support.text.EntityIds;
import newsroom.support.text.TextFolding;

/**
 * Resolution: overlapping candidates (knowledge base first, then rules, then the statistical model, longest first),
 * cleaning of model names (titles, possessives, pronouns, generic words, headings glued to a name), in-article
 * coreference of partial names, one type per entity by vote, and deterministic ids for entities the knowledge base
 * does not know.
 */
final class EntityResolver {

    private static final Set<String> PRONOUNS = Set.of("he", "him", "his", "she", "her", "hers", "it", "its", "they",
            "them", "their", "we", "us", "our", "i", "me", "my", "you", "your", "who", "whom", "this", "that");

    /** Capitalized words the model sometimes returns alone that never name an entity by themselves. */
    private static final Set<String> GENERIC = Set.of("state", "states", "house", "court", "department", "government",
            "administration", "agency", "ministry", "city", "county", "president", "secretary", "judge", "officials",
            "police", "army", "republic", "federal", "national", "breaking", "update", "analysis", "opinion",
            "exclusive", "editorial", "live", "news", "photos", "video", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "god", "mr", "mrs", "ms", "dr");

    /** Titles and determiners stripped from the front of a model name ("President Xiomara Castro" -> "Xiomara Castro"). */
    private static final Set<String> LEADING = Set.of("the", "president", "vice", "mr", "mrs", "ms", "dr", "judge",
            "justice", "chief", "senator", "sen", "rep", "representative", "gov", "governor", "secretary", "general",
            "gen", "minister", "prime", "attorney", "officer", "sgt", "lt", "col", "capt", "pope", "king", "queen",
            "prince", "princess", "sir", "dame", "lord", "mayor", "commissioner", "ambassador", "director", "former",
            "acting", "deputy", "rev", "reverend", "father", "sister", "professor", "prof", "coach", "detective",
            "agent", "lawyer", "attorney-general", "chancellor", "sheriff", "warden", "dear", "breaking", "update",
            "exclusive", "analysis", "opinion", "watch", "live", "photos");

    private EntityResolver() {
    }

    static List<Span> resolve(KnowledgeBaseIndex kb, String text, String folded, List<Span> kbSpans,
            List<Span> ruleSpans, List<RecognizedName> modelNames) {
        SpanSet accepted = new SpanSet();
        accepted.addLongestFirst(kbSpans);
        accepted.addLongestFirst(ruleSpans);

        Map<String, String> partOwners = partOwners(kb, accepted.spans());
        List<Span> linked = new ArrayList<>();
        List<Candidate> unknown = new ArrayList<>();
        for (RecognizedName name : modelNames) {
            Candidate c = clean(text, name);
            if (c == null || accepted.overlapsAny(c.start, c.end)) {
                continue;
            }
            String key = TextFolding.fold(text.substring(c.start, c.end));
            String owner = partOwners.get(key);
            if (owner == null) {
                int suffix = trimToKnownSuffix(text, folded, c, partOwners);
                if (suffix >= 0) { // "Court Ruling Garcia": a heading glued to a known name
                    owner = partOwners.get(TextFolding.fold(text.substring(suffix, c.end)));
                    c = new Candidate(suffix, c.end, c.type);
                }
            }
            if (owner != null) {
                Span ownerSpan = firstSpanOf(accepted.spans(), owner);
                linked.add(new Span(c.start, c.end, ownerSpan.type(), owner, ownerSpan.name(), Span.Source.COREFERENCE));
            } else {
                unknown.add(c);
            }
        }
        accepted.addLongestFirst(linked);
        accepted.addLongestFirst(unknownEntities(text, unknown));
        accepted.addLongestFirst(HybridEntityExtractor.partialNames(kb, accepted.spans(), text, folded, accepted));
        return accepted.spans();
    }

    /** A model name after cleaning, typed in our terms. */
    record Candidate(int start, int end, EntityType type) {
    }

    static Candidate clean(String text, RecognizedName name) {
        int start = name.start();
        int end = name.end();
        // possessive and trailing punctuation
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        if (end - start > 2 && text.charAt(end - 2) == '\'' && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
            end -= 2;
        }
        // leading titles and determiners, word by word
        while (start < end) {
            int space = text.indexOf(' ', start);
            if (space < 0 || space >= end) {
                break;
            }
            String word = TextFolding.fold(text.substring(start, space)).replace(".", "");
            if (!LEADING.contains(word)) {
                break;
            }
            start = space + 1;
        }
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        if (end - start < 2) {
            return null;
        }
        String surface = text.substring(start, end);
        String key = TextFolding.fold(surface);
        if (PRONOUNS.contains(key) || GENERIC.contains(key) || surface.indexOf('\n') >= 0) {
            return null;
        }
        boolean upper = false;
        for (int i = 0; i < surface.length(); i++) {
            upper |= Character.isUpperCase(surface.charAt(i));
        }
        if (!upper || surface.split(" ").length > 6) {
            return null;
        }
        // "State" of "Secretary of State" is a title, not an organization
        if (key.equals("state") || (start >= 13 && TextFolding.fold(text.substring(start - 13, start)).equals("secretary of "))) {
            return null;
        }
        return new Candidate(start, end, switch (name.type()) {
            case PERSON -> EntityType.PERSON;
            case ORGANIZATION -> EntityType.ORGANIZATION;
            case LOCATION -> EntityType.LOCATION;
            case MISC -> EntityType.MISC;
        });
    }

    /** Start of the longest proper word suffix of the candidate that is a known name part, or -1. */
    private static int trimToKnownSuffix(String text, String folded, Candidate c, Map<String, String> partOwners) {
        for (int i = c.start; i < c.end; i++) {
            if (text.charAt(i) == ' ' && partOwners.containsKey(folded.substring(i + 1, c.end))) {
                return i + 1;
            }
        }
        return -1;
    }

    private static Span firstSpanOf(List<Span> spans, String id) {
        for (Span s : spans) {
            if (id.equals(s.entityId())) {
                return s;
            }
        }
        throw new IllegalStateException("no span of " + id);
    }

    /** Name parts (and full names) of the people already linked, to the entity they belong to; shared parts removed. */
    static Map<String, String> partOwners(KnowledgeBaseIndex kb, List<Span> spans) {
        Map<String, String> owners = new HashMap<>();
        Set<String> shared = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Span s : spans) {
            if (s.type() != EntityType.PERSON || s.entityId() == null || !seen.add(s.entityId())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            names.add(s.name());
            KbEntry entry = kb.entity(s.entityId());
            if (entry != null) {
                names.addAll(entry.aliases());
            }
            for (String name : names) {
                List<String> keys = new ArrayList<>();
                keys.add(TextFolding.fold(name));
                for (String part : NameParts.partsOf(name)) {
                    keys.add(TextFolding.fold(part));
                }
                List<String> words = List.of(name.split(" "));
                if (words.size() >= 3) {
                    keys.add(TextFolding.fold(String.join(" ", words.subList(words.size() - 2, words.size()))));
                }
                for (String key : keys) {
                    String previous = owners.putIfAbsent(key, s.entityId());
                    if (previous != null && !previous.equals(s.entityId())) {
                        shared.add(key);
                    }
                }
            }
        }
        shared.forEach(owners::remove);
        return owners;
    }

    /**
     * Entities the knowledge base does not know: mentions grouped by name, short person names joined to the one
     * longer name of the article that contains them ("Delgado" -> "Maria Delgado"), one type per entity by vote
     * (full names count double), id from type and full name.
     */
    static List<Span> unknownEntities(String text, List<Candidate> candidates) {
        Map<String, List<Candidate>> byName = new LinkedHashMap<>();
        Map<String, String> surfaceOf = new HashMap<>();
        for (Candidate c : candidates) {
            String surface = text.substring(c.start, c.end).replaceAll("\\s+", " ");
            String key = TextFolding.fold(surface);
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            surfaceOf.putIfAbsent(key, surface);
        }
        // each name's group: itself, or the single longer multi-word name containing it as a word sequence
        Map<String, String> groupOf = new HashMap<>();
        for (String key : byName.keySet()) {
            String owner = null;
            int owners = 0;
            for (String other : byName.keySet()) {
                if (!other.equals(key) && other.indexOf(' ') > 0 && containsWords(other, key)
                        && isMostlyPerson(byName.get(other))) {
                    owner = other;
                    owners++;
                }
            }
            groupOf.put(key, owners == 1 ? owner : key);
        }
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, List<Candidate>> e : byName.entrySet()) {
            String group = groupOf.get(e.getKey());
            while (!groupOf.get(group).equals(group)) {
                group = groupOf.get(group);
            }
            groups.computeIfAbsent(group, k -> new ArrayList<>()).addAll(e.getValue());
        }
        List<Span> spans = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> g : groups.entrySet()) {
            Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
            for (Candidate c : g.getValue()) {
                int weight = text.substring(c.start, c.end).indexOf(' ') > 0 ? 2 : 1;
                votes.merge(c.type, weight, Integer::sum);
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
            String name = surfaceOf.get(g.getKey());
            String id = EntityIds.of(type, name);
            for (Candidate c : g.getValue()) {
                spans.add(new Span(c.start, c.end, type, id, name, Span.Source.MODEL));
            }
        }
        return spans;
    }

    private static boolean isMostlyPerson(List<Candidate> cs) {
        long persons = cs.stream().filter(c -> c.type == EntityType.PERSON).count();
        return persons * 2 >= cs.size();
    }

    private static boolean containsWords(String longer, String shorter) {
        String padded = " " + longer + " ";
        return padded.contains(" " + shorter + " ");
    }
}
