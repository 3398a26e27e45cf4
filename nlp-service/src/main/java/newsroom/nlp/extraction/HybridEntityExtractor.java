package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import newsroom.events.ArticleEntity;
import newsroom.events.ArticleText;
import newsroom.events.EntityType;
import newsroom.events.Mention;
import newsroom.nlp.Extraction;
import newsroom.nlp.KbEntry;
import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.RecognizedName;
import newsroom.nlp.extraction.KnowledgeBaseIndex.AliasTarget;
import newsroom.nlp.extraction.KnowledgeBaseIndex.CaseRule;
import newsroom.support.text.TextFolding;

/**
 * The extractor in stages: normalization (offsets kept), knowledge-base pass (Aho–Corasick, accent and case
 * insensitive, word boundaries), rules, resolution of overlaps, in-article coreference of partial names, then
 * grouping into canonical entities with salience.
 */
public final class HybridEntityExtractor implements EntityExtractor {

    public static final String ENGINE = "hybrid";
    public static final String VERSION = "2";
    /** Most mentions listed per entity (count still counts all): keeps a 5 MB article's event publishable. */
    static final int MAX_MENTIONS = 500;
    /** Most entities listed per article, by salience. */
    static final int MAX_ENTITIES = 1_000;
    /**
     * The statistical model reads at most this many characters (≈ 40 long articles); the knowledge base and the
     * rules read everything. Keeps a 5 MB text to seconds instead of half a minute.
     */
    public static final int DEFAULT_MODEL_MAX_CHARS = 200_000;
    /** The model reads long texts in pieces of about this size, checking the deadline between pieces. */
    static final int MODEL_CHUNK_CHARS = 25_000;

    private final Supplier<KnowledgeBaseIndex> knowledgeBase;
    private final LanguageIdentifier languages;
    private final NameRecognizer recognizer;
    private final LanguageModels languageModels;
    private final String engine;
    private final int modelMaxChars;
    private final Set<Stage> stages;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final RuleRecognizer rules = new RuleRecognizer();

    /** Knowledge base and rules only, every text taken as English. */
    public HybridEntityExtractor(Supplier<KnowledgeBaseIndex> knowledgeBase) {
        this(knowledgeBase, LanguageIdentifier.ENGLISH_ONLY, null);
    }

    /**
     * @param recognizer statistical name recognizer for English texts, or {@code null} for knowledge base and rules only
     */
    public HybridEntityExtractor(Supplier<KnowledgeBaseIndex> knowledgeBase, LanguageIdentifier languages,
            NameRecognizer recognizer) {
        this(knowledgeBase, languages, recognizer, DEFAULT_MODEL_MAX_CHARS);
    }

    public HybridEntityExtractor(Supplier<KnowledgeBaseIndex> knowledgeBase, LanguageIdentifier languages,
            NameRecognizer recognizer, int modelMaxChars) {
        this(knowledgeBase, languages, recognizer, modelMaxChars, LanguageModels.NONE);
    }

    /**
     * @param languageModels recognizers for other languages (Spanish), run with the same stages around them on texts
     *        detected in their language
     */
    public HybridEntityExtractor(Supplier<KnowledgeBaseIndex> knowledgeBase, LanguageIdentifier languages,
            NameRecognizer recognizer, int modelMaxChars, LanguageModels languageModels) {
        this(knowledgeBase, languages, recognizer, modelMaxChars, languageModels, Stage.ALL);
    }

    private HybridEntityExtractor(Supplier<KnowledgeBaseIndex> knowledgeBase, LanguageIdentifier languages,
            NameRecognizer recognizer, int modelMaxChars, LanguageModels languageModels, Set<Stage> stages) {
        this.stages = Set.copyOf(stages);
        this.languageModels = languageModels;
        this.modelMaxChars = modelMaxChars;
        this.knowledgeBase = knowledgeBase;
        this.languages = languages;
        this.recognizer = recognizer;
        this.engine = recognizer == null ? ENGINE : ENGINE + "+" + recognizer.name();
    }

    /**
     * The same extractor with only {@code stages} around the engine (for the ablation rows of the quality
     * evaluations). With no stage it is the bare engine: its names on every text, as it typed them, each surface
     * its own entity.
     */
    public HybridEntityExtractor withStages(Set<Stage> stages) {
        return new HybridEntityExtractor(knowledgeBase, languages, recognizer, modelMaxChars, languageModels, stages);
    }

    public Set<Stage> stages() {
        return stages;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** Checks {@code deadline} between stages, inside the automaton and regex scans, and between model chunks. */
    @Override
    public Extraction extract(String title, String body, Deadline deadline) {
        return extract(title, body, deadline, Corrections.NONE);
    }

    /** As {@link #extract(String, String, Deadline)}, counting in {@code corrections} what each stage changed. */
    public Extraction extract(String title, String body, Deadline deadline, Corrections corrections) {
        deadline.check();
        String original = ArticleText.of(title, body);
        int titleLength = title == null ? 0 : title.length();
        NormalizedText normalized = normalizer.normalize(original);
        String text = normalized.text();
        String folded = TextFolding.fold(text);
        KnowledgeBaseIndex kb = knowledgeBase.get();
        String language = languages.identify(text);
        deadline.check();

        List<Span> kbSpans = List.of();
        if (stages.contains(Stage.KNOWLEDGE_BASE)) {
            kbSpans = new ArrayList<>(knowledgeBasePass(kb, text, folded, deadline));
            kbSpans.addAll(CountryAbbreviation.find(kb, text));
        }
        deadline.check();
        List<Span> ruleSpans = stages.contains(Stage.RULES) ? rules.find(text, deadline) : List.of();
        deadline.check();
        NameRecognizer model = modelFor(language, text);
        boolean modelReads = model != null && (stages.isEmpty() || TextShape.looksLikeProse(text));
        // the engine reads all-capital lines recased (same offsets); every other stage reads the text as written
        String modelText = modelReads && stages.contains(Stage.TRUECASE)
                ? CaseRestorer.restore(text, kb, folded, corrections) : text;
        List<RecognizedName> modelNames = modelReads ? recognizeInChunks(model, modelPart(modelText), deadline)
                : List.of();
        deadline.check();
        List<Span> spans = EntityResolver.resolve(kb, text, folded, kbSpans, ruleSpans, modelNames, stages,
                corrections);
        deadline.check();
        return new Extraction(language, group(kb, spans, normalized, titleLength));
    }

    /**
     * The recognizer of the text's language: a language model where one is set (Spanish) and the text is clearly
     * in that language, else the English model for English, undetected or doubtful text; text clearly in another
     * language gets the knowledge base and the rules only (the bare engine
     * reads every text).
     */
    private NameRecognizer modelFor(String language, String text) {
        if (language != null && languageModels.languages().contains(language) && languages.clearly(text, language)) {
            return languageModels.forLanguage(language);
        }
        // a table of company names or a line of foreign names is told German or Italian by a hair: not clearly so
        return stages.isEmpty() || language == null || "en".equals(language)
                || languageModels.languages().contains(language) || !languages.clearly(text, language)
                ? recognizer : null;
    }

    /**
     * The model over {@code text} in pieces of about {@link #MODEL_CHUNK_CHARS} cut at line ends (sentence
     * boundaries for the model), so a spent deadline stops it between pieces: the CRF itself cannot be interrupted.
     */
    private static List<RecognizedName> recognizeInChunks(NameRecognizer recognizer, String text, Deadline deadline) {
        if (text.length() <= MODEL_CHUNK_CHARS) {
            return recognizer.recognize(text);
        }
        List<RecognizedName> names = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            deadline.check();
            int to = chunkEnd(text, from);
            for (RecognizedName n : recognizer.recognize(text.substring(from, to))) {
                names.add(new RecognizedName(n.start() + from, n.end() + from, n.type()));
            }
            from = to;
        }
        return names;
    }

    /** End of the piece starting at {@code from}: after a line end, else after a sentence end, else the hard size. */
    private static int chunkEnd(String text, int from) {
        int limit = from + MODEL_CHUNK_CHARS;
        if (limit >= text.length()) {
            return text.length();
        }
        int cut = text.lastIndexOf('\n', limit - 1);
        if (cut > from + MODEL_CHUNK_CHARS / 2) {
            return cut + 1;
        }
        // a ". " after a word of four or more letters: not "Mr. " or "St. ", which would split a name
        for (int i = limit - 2; i > from + MODEL_CHUNK_CHARS / 2; i--) {
            if (text.charAt(i) == '.' && text.charAt(i + 1) == ' ' && Character.isLetter(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i - 2)) && Character.isLetter(text.charAt(i - 3))
                    && Character.isLetter(text.charAt(i - 4))) {
                return i + 2;
            }
        }
        return limit;
    }

    /** The prefix the model reads, cut at a line or sentence end so no name is split. */
    private String modelPart(String text) {
        if (text.length() <= modelMaxChars) {
            return text;
        }
        int cut = text.lastIndexOf('\n', modelMaxChars);
        if (cut < modelMaxChars / 2) {
            cut = text.lastIndexOf(". ", modelMaxChars);
        }
        return text.substring(0, cut < modelMaxChars / 2 ? modelMaxChars : cut + 1);
    }

    /** Alias occurrences on word boundaries whose case fits the alias; ambiguous aliases go to the entity the article supports. */
    static List<Span> knowledgeBasePass(KnowledgeBaseIndex kb, String text, String folded) {
        return knowledgeBasePass(kb, text, folded, Deadline.NONE);
    }

    static List<Span> knowledgeBasePass(KnowledgeBaseIndex kb, String text, String folded, Deadline deadline) {
        List<AliasAutomaton.Hit> hits = kb.automaton().findAll(deadline.guard(folded));
        List<Span> spans = new ArrayList<>(hits.size());
        Set<String> unambiguous = new HashSet<>();
        List<AliasAutomaton.Hit> kept = new ArrayList<>(hits.size());
        for (AliasAutomaton.Hit hit : hits) {
            AliasTarget target = kb.target(hit.pattern());
            if (!onWordBoundaries(text, hit.start(), hit.end()) || !caseFits(text, hit.start(), hit.end(), target.caseRule())) {
                continue;
            }
            kept.add(hit);
            if (target.entityIds().size() == 1) {
                unambiguous.add(target.entityIds().get(0));
            }
        }
        for (AliasAutomaton.Hit hit : kept) {
            AliasTarget target = kb.target(hit.pattern());
            String id = target.entityIds().get(0);
            for (String candidate : target.entityIds()) {
                if (unambiguous.contains(candidate)) {
                    id = candidate;
                    break;
                }
            }
            KbEntry entry = kb.entity(id);
            spans.add(new Span(hit.start(), hit.end(), entry.type(), id, entry.name(), Span.Source.KNOWLEDGE_BASE));
        }
        return spans;
    }

    /**
     * Partial names of the people (and organizations) already found: "Garcia" or "Kilmar" after "Kilmar Abrego
     * Garcia", "Bukele" after "Nayib Bukele". A part shared by two entities of the article links to neither.
     */
    static List<Span> partialNames(KnowledgeBaseIndex kb, List<Span> found, String text, String folded, SpanSet taken) {
        Map<String, String> owner = new HashMap<>();
        Set<String> shared = new HashSet<>();
        Map<String, Span> byId = new LinkedHashMap<>();
        for (Span s : found) {
            if (s.type() == EntityType.PERSON && s.entityId() != null) {
                byId.putIfAbsent(s.entityId(), s);
            }
        }
        for (Span s : byId.values()) {
            List<String> names = new ArrayList<>();
            names.add(s.name());
            KbEntry entry = kb.entity(s.entityId());
            if (entry != null) {
                names.addAll(entry.aliases());
            }
            for (String name : names) {
                for (String part : NameParts.partsOf(name)) {
                    String key = TextFolding.fold(part);
                    String previous = owner.putIfAbsent(key, s.entityId());
                    if (previous != null && !previous.equals(s.entityId())) {
                        shared.add(key);
                    }
                }
            }
        }
        shared.forEach(owner::remove);
        if (owner.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> particleParts = owner.entrySet().stream().filter(e -> e.getKey().indexOf(' ') > 0)
                .toList();
        List<Span> spans = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!TextFolding.isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = NameParts.wordEnd(text, i);
            String id = Character.isUpperCase(text.charAt(i)) && !taken.overlapsAny(i, end)
                    ? owner.get(folded.substring(i, end)) : null;
            if (id != null) {
                Span s = byId.get(id);
                int start = withParticles(folded, i, end, id, particleParts);
                if (!taken.overlapsAny(start, end)) {
                    spans.add(new Span(start, end, s.type(), id, s.name(), Span.Source.COREFERENCE));
                }
            }
            i = end;
        }
        return spans;
    }

    /** Start of the surname with the particles written before it ("Van den Broek", not "Broek"), else {@code start}. */
    private static int withParticles(String folded, int start, int end, String id,
            List<Map.Entry<String, String>> particleParts) {
        String word = folded.substring(start, end);
        int best = start;
        for (Map.Entry<String, String> e : particleParts) {
            String part = e.getKey();
            int from = end - part.length();
            if (part.length() > word.length() && part.endsWith(" " + word) && id.equals(e.getValue()) && from >= 0
                    && from < best && folded.startsWith(part, from) && onWordBoundaries(folded, from, end)) {
                best = from;
            }
        }
        return best;
    }

    static boolean onWordBoundaries(String text, int start, int end) {
        return (start == 0 || !TextFolding.isWordChar(text.charAt(start - 1)))
                && (end >= text.length() || !TextFolding.isWordChar(text.charAt(end)));
    }

    static boolean caseFits(String text, int start, int end, CaseRule rule) {
        switch (rule) {
            case CAPITALIZED:
                char first = text.charAt(start);
                return !Character.isLetter(first) || Character.isUpperCase(first);
            case UPPER:
                for (int i = start; i < end; i++) {
                    if (Character.isLowerCase(text.charAt(i))) {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    private static List<ArticleEntity> group(KnowledgeBaseIndex kb, List<Span> spans, NormalizedText normalized,
            int titleLength) {
        Map<String, List<Span>> byId = new LinkedHashMap<>();
        for (Span s : spans) {
            byId.computeIfAbsent(s.entityId(), k -> new ArrayList<>()).add(s);
        }
        int textLength = Math.max(1, normalized.original().length());
        int leadEnd = titleLength + 2 + 400;
        Map<String, Double> scores = new HashMap<>();
        Map<String, List<Mention>> mentions = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        double maxScore = 0;
        for (Map.Entry<String, List<Span>> e : byId.entrySet()) {
            double score = 0;
            List<Mention> ms = new ArrayList<>();
            for (Span s : e.getValue()) {
                int start = normalized.originalStart(s.start());
                int end = normalized.originalEnd(s.end());
                if (ms.size() < MAX_MENTIONS) {
                    ms.add(new Mention(start, end, normalized.original().substring(start, end)));
                }
                score += start < titleLength ? 3 : start < leadEnd ? 2 : 1;
            }
            scores.put(e.getKey(), score);
            counts.put(e.getKey(), e.getValue().size());
            mentions.put(e.getKey(), ms);
            maxScore = Math.max(maxScore, score);
        }
        List<ArticleEntity> entities = new ArrayList<>();
        for (Map.Entry<String, List<Span>> e : byId.entrySet()) {
            String id = e.getKey();
            Span first = e.getValue().get(0);
            KbEntry entry = kb.entity(id);
            String name = entry != null ? entry.name() : first.name();
            EntityType type = entry != null ? entry.type() : first.type();
            List<Mention> ms = mentions.get(id);
            double position = 1.0 - (double) ms.get(0).start() / textLength;
            double salience = 0.7 * scores.get(id) / maxScore + 0.3 * position;
            salience = Math.round(Math.max(0, Math.min(1, salience)) * 1000) / 1000.0;
            entities.add(new ArticleEntity(id, name, type, ms, counts.get(id), salience));
        }
        entities.sort(Comparator.comparingDouble(ArticleEntity::salience).reversed().thenComparing(ArticleEntity::id));
        return entities.size() > MAX_ENTITIES ? entities.subList(0, MAX_ENTITIES) : entities;
    }
}
