package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsroom.events.EntityType;
import newsroom.nlp.KbEntry;
import newsroom.support.text.TextFolding;

/**
 * An immutable, searchable snapshot of the knowledge base: entities by id and an automaton over all their aliases.
 * A new snapshot replaces the old one atomically when the knowledge base changes.
 */
public final class KnowledgeBaseIndex {

    /** How strictly an alias must match the case of the text (accents never matter). */
    public enum CaseRule {
        /** Multi-word names: any case. */
        ANY,
        /** One-word names ("Trump", "Bukele"): must start with a capital, so "trump card" is not a president. */
        CAPITALIZED,
        /** Acronyms ("ICE", "DHS"): every letter upper case, so "ice" is not the agency. */
        UPPER
    }

    /** One alias: the entities it may name and how it must be written. */
    public record AliasTarget(String alias, List<String> entityIds, CaseRule caseRule) {
    }

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private final long version;
    private final Map<String, KbEntry> entities;
    private final List<AliasTarget> targets;
    private final Map<String, AliasTarget> byAlias = new HashMap<>();
    private final AliasAutomaton automaton;

    private KnowledgeBaseIndex(long version, Map<String, KbEntry> entities, List<AliasTarget> targets) {
        this.version = version;
        this.entities = entities;
        this.targets = targets;
        List<String> folded = new ArrayList<>(targets.size());
        for (AliasTarget t : targets) {
            folded.add(foldAlias(t.alias()));
            byAlias.put(foldAlias(t.alias()), t);
        }
        this.automaton = new AliasAutomaton(folded);
    }

    public static KnowledgeBaseIndex empty() {
        return of(0, List.of());
    }

    public static KnowledgeBaseIndex of(long version, Collection<KbEntry> entries) {
        Map<String, KbEntry> byId = new LinkedHashMap<>();
        Map<String, List<String>> idsByAlias = new LinkedHashMap<>();
        Map<String, String> surfaceByAlias = new HashMap<>();
        for (KbEntry e : entries) {
            byId.put(e.id(), e);
            List<String> names = new ArrayList<>();
            names.add(e.name());
            names.addAll(e.aliases());
            for (String name : names) {
                if (name == null || name.isBlank()) {
                    continue;
                }
                String key = foldAlias(name);
                if (key.isBlank()) {
                    continue;
                }
                List<String> ids = idsByAlias.computeIfAbsent(key, k -> new ArrayList<>());
                if (!ids.contains(e.id())) {
                    ids.add(e.id());
                }
                surfaceByAlias.putIfAbsent(key, name.strip());
            }
        }
        List<AliasTarget> targets = new ArrayList<>(idsByAlias.size());
        for (Map.Entry<String, List<String>> a : idsByAlias.entrySet()) {
            String surface = surfaceByAlias.get(a.getKey());
            targets.add(new AliasTarget(surface, List.copyOf(a.getValue()), caseRule(surface)));
        }
        return new KnowledgeBaseIndex(version, Collections.unmodifiableMap(byId), List.copyOf(targets));
    }

    /** The key an alias is matched by: normalized like article text, then folded. */
    public static String foldAlias(String alias) {
        return TextFolding.fold(NORMALIZER.normalize(alias.strip()).text());
    }

    static CaseRule caseRule(String alias) {
        boolean hasLower = false;
        int letters = 0;
        boolean multiWord = false;
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                hasLower |= Character.isLowerCase(c);
            } else if (c == ' ') {
                multiWord = true;
            }
        }
        if (!hasLower && letters > 0 && letters <= 6) {
            return CaseRule.UPPER;
        }
        return multiWord ? CaseRule.ANY : CaseRule.CAPITALIZED;
    }

    public long version() {
        return version;
    }

    public int size() {
        return entities.size();
    }

    public int aliasCount() {
        return targets.size();
    }

    public KbEntry entity(String id) {
        return entities.get(id);
    }

    public Collection<KbEntry> entities() {
        return entities.values();
    }

    public AliasAutomaton automaton() {
        return automaton;
    }

    /** The target of an alias written any way that folds alike, or {@code null}. */
    public AliasTarget aliasTarget(String alias) {
        return byAlias.get(foldAlias(alias));
    }

    public AliasTarget target(int pattern) {
        return targets.get(pattern);
    }

    public EntityType typeOf(String id) {
        KbEntry e = entities.get(id);
        return e == null ? null : e.type();
    }
}
