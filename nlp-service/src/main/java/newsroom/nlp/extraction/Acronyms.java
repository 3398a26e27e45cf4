package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.events.EntityType;

/**
 * An acronym defined in the article ("the Office of Fair Trading (OFT)") names the same entity as its expansion, there
 * and wherever the article writes it later. When the engine missed the expansion, the capitalised words before the
 * parenthesis whose initials spell the acronym become an organization.
 */
final class Acronyms {

    private static final String STAGE = "resolution: ";
    /** "(OFT)", "( OFT )": an acronym in parentheses; group 1 is the acronym. */
    private static final Pattern DEFINITION = Pattern.compile("\\(\\s?(\\p{Lu}[\\p{Lu}\\p{N}&.]{0,8}\\p{Lu})\\s?\\)");
    private static final Set<EntityType> NAMES = Set.of(EntityType.ORGANIZATION, EntityType.LOCATION,
            EntityType.FACILITY, EntityType.MISC, EntityType.LAW, EntityType.EVENT);
    private static final Set<String> CONNECTIVES = Set.of("of", "and", "for", "the", "de", "del", "la", "on", "&", "in");

    private Acronyms() {
    }

    static void link(String text, SpanSet accepted, Corrections corrections) {
        Map<String, Span> expansionOf = new LinkedHashMap<>();
        Set<String> conflicting = new HashSet<>();
        Matcher m = DEFINITION.matcher(text);
        while (m.find()) {
            String acronym = m.group(1);
            Span expansion = expansionBefore(text, accepted, m.start(), acronym, corrections);
            if (expansion == null) {
                continue;
            }
            Span previous = expansionOf.putIfAbsent(acronym, expansion);
            if (previous != null && !previous.entityId().equals(expansion.entityId())) {
                conflicting.add(acronym);
            }
        }
        conflicting.forEach(expansionOf::remove);
        for (Map.Entry<String, Span> e : expansionOf.entrySet()) {
            Span expansion = typedByAcronym(text, accepted, e.getKey(), e.getValue(), corrections);
            Matcher use = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])")
                    .matcher(text);
            while (use.find()) {
                Span linked = new Span(use.start(), use.end(), expansion.type(), expansion.entityId(), expansion.name(),
                        Span.Source.COREFERENCE);
                List<Span> overlapped = accepted.overlapping(use.start(), use.end());
                if (overlapped.isEmpty()) {
                    accepted.add(linked);
                    corrections.count(STAGE + "added an acronym defined in the article");
                } else if (overlapped.size() == 1 && overlapped.get(0).start() == use.start()
                        && overlapped.get(0).end() == use.end()
                        && !overlapped.get(0).entityId().equals(expansion.entityId())) {
                    accepted.replace(overlapped.get(0), linked);
                    corrections.count(STAGE + "linked an acronym to its expansion");
                }
            }
        }
    }

    /**
     * An expansion the engine typed otherwise than the acronym takes the acronym's type: always when the expansion is
     * MISC (the engine's catch-all: "Office of Fair Trading" MISC, "OFT" ORGANIZATION), else when the engine's calls of
     * the acronym outnumber its mentions of the expansion ("United States Trade Representative" a LOCATION once,
     * "USTR" an ORGANIZATION twice). Every mention of the expansion is retyped; its id does not change.
     */
    private static Span typedByAcronym(String text, SpanSet accepted, String acronym, Span expansion,
            Corrections corrections) {
        if (expansion.source() != Span.Source.MODEL) {
            return expansion;
        }
        Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        int expansionMentions = 0;
        for (Span s : accepted.spans()) {
            if (s.source() == Span.Source.MODEL && s.type() != EntityType.MISC
                    && text.substring(s.start(), s.end()).equals(acronym)) {
                votes.merge(s.type(), 1, Integer::sum);
            }
            if (s.entityId().equals(expansion.entityId())) {
                expansionMentions++;
            }
        }
        EntityType type = null;
        for (Map.Entry<EntityType, Integer> v : votes.entrySet()) {
            if (type == null || v.getValue() > votes.get(type)) {
                type = v.getKey();
            }
        }
        if (type == null || type == expansion.type()
                || expansion.type() != EntityType.MISC && votes.get(type) <= expansionMentions) {
            return expansion;
        }
        String id = UnknownEntities.idOf(type, expansion.name());
        Span retyped = expansion;
        for (Span s : accepted.spans()) {
            if (s.entityId().equals(expansion.entityId())) {
                Span r = new Span(s.start(), s.end(), type, id, s.name(), s.source());
                accepted.replace(s, r);
                retyped = s.start() == expansion.start() ? r : retyped;
            }
        }
        corrections.count(STAGE + "retyped an acronym's expansion as the engine typed the acronym");
        return retyped;
    }

    /**
     * The span the acronym at {@code paren} abbreviates: the name ending just before it when its initials fit; else
     * the longest run of capitalised words (and connectives) there whose initials fit, made one organization (the
     * engine missed it, or cut it: "Monopolies" + "Mergers Commission"), unless a known name lies inside.
     */
    private static Span expansionBefore(String text, SpanSet accepted, int paren, String acronym, Corrections corrections) {
        int end = paren;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0) {
            return null;
        }
        List<Span> before = accepted.overlapping(end - 1, end);
        if (!before.isEmpty() && before.get(0).end() == end && NAMES.contains(before.get(0).type())
                && matches(acronym, text.substring(before.get(0).start(), end))) {
            return before.get(0);
        }
        if (!before.isEmpty() && before.get(0).end() != end) {
            return null;
        }
        for (int start : wordStartsBefore(text, end)) {
            String candidate = text.substring(start, end);
            if (candidate.indexOf(' ') < 0 || !matches(acronym, candidate)) {
                continue;
            }
            List<Span> inside = accepted.overlapping(start, end);
            boolean replaceable = true;
            for (Span s : inside) {
                replaceable &= s.start() >= start && s.source() != Span.Source.KNOWLEDGE_BASE && NAMES.contains(s.type());
            }
            if (!replaceable) {
                return null;
            }
            inside.forEach(accepted::remove);
            EntityType type = before.isEmpty() ? EntityType.ORGANIZATION : before.get(0).type();
            String name = candidate.replaceAll("\\s+", " ");
            Span made = new Span(start, end, type, UnknownEntities.idOf(type, name), name, Span.Source.RULE);
            accepted.add(made);
            corrections.count(STAGE + (inside.isEmpty() ? "added the expansion of an acronym the engine missed"
                    : "joined engine names that spell a defined acronym"));
            return made;
        }
        return null;
    }

    /** Starts of the capitalised words (and inner connectives) before {@code end} on its line, farthest first. */
    private static List<Integer> wordStartsBefore(String text, int end) {
        List<Integer> starts = new ArrayList<>();
        int i = end;
        int lineStart = ShortLine.startBefore(text, end);
        while (i > lineStart && starts.size() < 10) {
            int wordStart = Math.max(text.lastIndexOf(' ', i - 1) + 1, lineStart);
            String word = text.substring(wordStart, i);
            if (word.isEmpty() || !(Character.isUpperCase(word.charAt(0)) || CONNECTIVES.contains(word))) {
                break;
            }
            if (!CONNECTIVES.contains(word)) {
                starts.add(0, wordStart);
            }
            i = wordStart - 1;
        }
        return starts;
    }

    /** The acronym's letters are the initials of the name's capitalised words, in order or (as in "FMLN") in any order. */
    static boolean matches(String acronym, String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[\\s\\-]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                initials.append(word.charAt(0));
            }
        }
        String letters = acronym.replaceAll("[^\\p{Lu}]", "");
        if (letters.length() < 2 || initials.length() == 0 || letters.charAt(0) != initials.charAt(0)) {
            return false;
        }
        if (letters.contentEquals(initials)) {
            return true;
        }
        Map<Character, Integer> available = new HashMap<>();
        for (int k = 0; k < initials.length(); k++) {
            available.merge(initials.charAt(k), 1, Integer::sum);
        }
        for (int k = 0; k < letters.length(); k++) {
            if (available.merge(letters.charAt(k), -1, Integer::sum) < 0) {
                return false;
            }
        }
        return letters.length() * 2 >= initials.length();
    }
}
