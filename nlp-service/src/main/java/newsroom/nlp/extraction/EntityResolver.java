package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.events.EntityType;
import newsroom.nlp.KbEntry;
import newsroom.nlp.ner.RecognizedName;
import newsroom.support.text.TextFolding;

/**
 * Resolution: the engine's names are the floor ({@link EngineFloor}); the knowledge base and then the rules link,
 * extend or add to them; then (the resolution stage) cleaning of the engine's names, coreference of partial names of
 * known people, one id per unknown entity, acronyms linked to their expansion and partial names of everyone found.
 */
final class EntityResolver {

    private EntityResolver() {
    }

    static List<Span> resolve(KnowledgeBaseIndex kb, String text, String folded, List<Span> kbSpans,
            List<Span> ruleSpans, List<RecognizedName> modelNames) {
        return resolve(kb, text, folded, kbSpans, ruleSpans, modelNames, Stage.ALL, Corrections.NONE);
    }

    static List<Span> resolve(KnowledgeBaseIndex kb, String text, String folded, List<Span> kbSpans,
            List<Span> ruleSpans, List<RecognizedName> modelNames, Set<Stage> stages, Corrections corrections) {
        boolean resolution = stages.contains(Stage.RESOLUTION);
        SpanSet accepted = new SpanSet();
        for (RecognizedName name : modelNames) {
            if (!resolution) {
                accepted.add(NameCleaner.raw(text, name));
                continue;
            }
            Span s = NameCleaner.clean(text, name, corrections);
            if (s != null) {
                for (Span part : NameCleaner.splitAtAnd(text, NameCleaner.withInitial(text, s, corrections), corrections)) {
                    accepted.add(part);
                }
            }
        }
        SpanSet known = new SpanSet();
        known.addLongestFirst(kbSpans);
        EngineFloor.merge(accepted, known.spans(), "knowledge base", corrections);
        SpanSet ruled = new SpanSet();
        ruled.addLongestFirst(ruleSpans);
        EngineFloor.merge(accepted, ruled.spans(), "rules", corrections);

        List<Span> engine = new ArrayList<>();
        for (Span s : accepted.spans()) {
            if (s.entityId() == null) {
                engine.add(s);
                accepted.remove(s);
            }
        }
        if (!resolution) {
            for (Span s : engine) {
                accepted.add(new Span(s.start(), s.end(), s.type(), UnknownEntities.idOf(s.type(), s.name()), s.name(), s.source()));
            }
            return accepted.spans();
        }
        Map<String, String> partOwners = partOwners(kb, accepted.spans());
        int titleEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        List<Span> unknown = new ArrayList<>();
        for (Span c : engine) {
            String owner = partOwners.get(TextFolding.fold(c.name()));
            if (owner == null && c.start() < titleEnd) {
                int suffix = trimToKnownSuffix(folded, c, partOwners);
                if (suffix >= 0) { // "Court Ruling Garcia": a headline's words glued to a known name
                    owner = partOwners.get(folded.substring(suffix, c.end()));
                    c = new Span(suffix, c.end(), c.type(), null, text.substring(suffix, c.end()), c.source());
                    corrections.count("resolution: cut headline words glued to a known person's name");
                }
            }
            Span plural = owner == null ? knownSingular(kb, c) : null;
            if (owner != null) {
                Span ownerSpan = firstSpanOf(accepted.spans(), owner);
                accepted.add(new Span(c.start(), c.end(), ownerSpan.type(), owner, ownerSpan.name(),
                        Span.Source.COREFERENCE));
                corrections.count("resolution: linked an engine name to a known person it names in part");
            } else if (plural != null) {
                accepted.add(plural);
                corrections.count("resolution: linked a plural to the known name it is the plural of");
            } else {
                unknown.add(c);
            }
        }
        accepted.addLongestFirst(UnknownEntities.resolve(unknown));
        Acronyms.link(text, accepted, corrections);
        List<Span> partial = HybridEntityExtractor.partialNames(kb, accepted.spans(), text, folded, accepted);
        partial.forEach(p -> corrections.count("resolution: added a partial name of a person found"));
        accepted.addLongestFirst(partial);
        return accepted.spans();
    }

    /**
     * The knowledge-base entity an engine plural names in the singular ("Baftas" of "Bafta", "Salvadorians" of the
     * demonym entry written "Salvadorian"): only one entity, and never a person's ("the Kennedys" are a family).
     */
    private static Span knownSingular(KnowledgeBaseIndex kb, Span c) {
        for (String singular : Plurals.singulars(c.name())) {
            KnowledgeBaseIndex.AliasTarget target = kb.aliasTarget(singular);
            if (target != null && target.entityIds().size() == 1) {
                KbEntry entry = kb.entity(target.entityIds().get(0));
                if (entry != null && entry.type() != EntityType.PERSON) {
                    return new Span(c.start(), c.end(), entry.type(), entry.id(), entry.name(),
                            Span.Source.KNOWLEDGE_BASE);
                }
            }
        }
        return null;
    }

    /** Start of the longest proper word suffix of the candidate that is a known name part, or -1. */
    private static int trimToKnownSuffix(String folded, Span c, Map<String, String> partOwners) {
        for (int i = c.start(); i < c.end(); i++) {
            if (folded.charAt(i) == ' ' && partOwners.containsKey(folded.substring(i + 1, c.end()))) {
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
}
