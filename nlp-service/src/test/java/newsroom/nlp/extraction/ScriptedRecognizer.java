package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.RecognizedName;
import newsroom.nlp.ner.RecognizedName.NameType;

/**
 * A stand-in engine: every occurrence of each scripted name (longest first where they overlap), with its type, so a
 * test fixes what the engine says.
 */
final class ScriptedRecognizer implements NameRecognizer {
    private final Map<String, NameType> names;

    ScriptedRecognizer(Map<String, NameType> names) {
        this.names = names;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public List<RecognizedName> recognize(String text) {
        List<RecognizedName> found = new ArrayList<>();
        names.forEach((name, type) -> {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                if (HybridEntityExtractor.onWordBoundaries(text, at, at + name.length())) {
                    found.add(new RecognizedName(at, at + name.length(), type));
                }
            }
        });
        // like a real engine, never two names over the same characters: the longest wins
        found.sort(java.util.Comparator.comparingInt((RecognizedName n) -> n.start() - n.end()).thenComparingInt(RecognizedName::start));
        List<RecognizedName> kept = new ArrayList<>();
        for (RecognizedName n : found) {
            if (kept.stream().noneMatch(k -> k.start() < n.end() && n.start() < k.end())) {
                kept.add(n);
            }
        }
        return kept;
    }

    /** The entities, by id, that the hybrid over the starter knowledge base finds where this engine finds {@code names}. */
    static Map<String, newsroom.events.ArticleEntity> entities(Map<String, NameType> names, String title, String body) {
        return extractor(names).extract(title, body).entities().stream()
                .collect(java.util.stream.Collectors.toMap(newsroom.events.ArticleEntity::id, x -> x));
    }

    /** The hybrid over the starter knowledge base plus {@code extra} entries, with this engine. */
    static HybridEntityExtractor extractor(Map<String, NameType> names, newsroom.nlp.KbEntry... extra) {
        List<newsroom.nlp.KbEntry> entries = new ArrayList<>(StarterKnowledgeBase.index().entities());
        entries.addAll(List.of(extra));
        KnowledgeBaseIndex index = KnowledgeBaseIndex.of(2, entries);
        return new HybridEntityExtractor(() -> index, LanguageIdentifier.ENGLISH_ONLY, new ScriptedRecognizer(names));
    }
}
