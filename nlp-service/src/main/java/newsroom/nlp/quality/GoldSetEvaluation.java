package newsroom.nlp.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.events.ArticleEntity;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.events.Mention;
import newsroom.nlp.Extraction;
import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.extraction.HybridEntityExtractor;
import newsroom.nlp.extraction.KnowledgeBaseIndex;
import newsroom.nlp.extraction.LanguageModels;
import newsroom.nlp.extraction.LanguageIdentifier;
import newsroom.nlp.extraction.LinguaLanguageIdentifier;
import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.NameRecognizers;
import newsroom.nlp.service.KnowledgeBase;

/**
 * Scores the extractor on the gold set: mention detection (exact span and type) and linking (exact span and canonical
 * id), precision/recall/F1 per type. MISC predictions are not scored (the gold set does not annotate MISC).
 *
 * With {@code --ablation}: the bare engine and each added stage in the same run, per CoNLL class (PERSON→PER,
 * ORGANIZATION→ORG, LOCATION and FACILITY→LOC, LAW and EVENT→MISC), as {@link ConllEvaluation} maps them.
 *
 * <pre>./mvnw -q -pl nlp-service exec:java -Dexec.mainClass=newsroom.nlp.quality.GoldSetEvaluation \
 *     [-Dexec.args="[gold.jsonl] [--ner=corenlp|none] [--model=conll4|all3] [--language-models=es=spanish|none] [--verbose] [--ablation]"]</pre>
 */
public final class GoldSetEvaluation {

    public static final String DEFAULT_GOLD_SET = "nlp-service/quality/gold-set.jsonl";
    /** The Spanish gold set (news items written for this project). */
    public static final String SPANISH_GOLD_SET = "nlp-service/quality/gold-set-es.jsonl";
    /** As the service's default {@code newsroom.nlp.ner.language-models}. */
    public static final List<String> DEFAULT_LANGUAGE_MODELS = List.of("es=spanish");

    /** Detection and linking scores of one run. */
    public record Result(Scores detection, Scores linking, long millis, int articles) {
    }

    private GoldSetEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        String path = null;
        String ner = "corenlp";
        String model = "conll4";
        List<String> languageModels = DEFAULT_LANGUAGE_MODELS;
        boolean verbose = false;
        boolean ablation = false;
        for (String a : args) {
            if (a.equals("--ablation")) {
                ablation = true;
            } else if (a.startsWith("--ner=")) {
                ner = a.substring(6);
            } else if (a.startsWith("--model=")) {
                model = a.substring(8);
            } else if (a.startsWith("--language-models=")) {
                languageModels = List.of(a.substring(18).split(","));
            } else if (a.equals("--verbose")) {
                verbose = true;
            } else {
                path = a;
            }
        }
        Path gold = resolve(path);
        HybridEntityExtractor extractor = starterHybrid(ner, model, languageModels);
        List<GoldArticle> articles = read(gold);
        if (ablation) {
            System.out.printf("Gold set %s: %d articles, extractor %s%n%n", gold, articles.size(), extractor.engine());
            System.out.println(Ablation.table("Ablation (exact span + CoNLL class; MISC = laws and events)",
                    Ablation.run(extractor, e -> conllScores(e, articles))));
            return;
        }
        Result r = evaluate(extractor, articles, verbose);
        System.out.printf("Gold set %s: %d articles, %d gold mentions, extractor %s, %d ms (%.1f ms/article)%n%n",
                gold, articles.size(), articles.stream().mapToInt(a -> a.mentions().size()).sum(), extractor.engine(),
                r.millis(), (double) r.millis() / articles.size());
        System.out.println(r.detection().table("Mention detection (exact span + type)"));
        System.out.println(r.linking().table("Linking (exact span + canonical id)"));
    }

    static Path resolve(String path) {
        if (path != null) {
            return Path.of(path);
        }
        for (String candidate : List.of(DEFAULT_GOLD_SET, "quality/gold-set.jsonl", "../" + DEFAULT_GOLD_SET)) {
            if (Files.exists(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalArgumentException("gold set not found; pass its path");
    }

    /** The extractor as the service builds it, over the shipped starter knowledge base (no database). */
    public static EntityExtractor starterExtractor(String ner, String model) {
        return starterHybrid(ner, model);
    }

    /** As {@link #starterExtractor}, typed so that its stages can be chosen ({@link Ablation}). */
    public static HybridEntityExtractor starterHybrid(String ner, String model) {
        return starterHybrid(ner, model, DEFAULT_LANGUAGE_MODELS);
    }

    /** @param languageModels the service's {@code newsroom.nlp.ner.language-models}, e.g. {@code es=spanish} or {@code none} */
    public static HybridEntityExtractor starterHybrid(String ner, String model, List<String> languageModels) {
        KnowledgeBaseIndex index = KnowledgeBaseIndex.of(1, KnowledgeBase.parseJsonLines(starterBytes()));
        NameRecognizer recognizer = "none".equals(ner) ? null : NameRecognizers.create(ner, Map.of("model", model));
        LanguageIdentifier languages = new LinguaLanguageIdentifier(List.of("en", "es", "fr", "de", "pt", "it"));
        return new HybridEntityExtractor(() -> index, languages, recognizer,
                HybridEntityExtractor.DEFAULT_MODEL_MAX_CHARS, LanguageModels.of(ner, languageModels));
    }

    static byte[] starterBytes() {
        try (InputStream in = GoldSetEvaluation.class.getClassLoader().getResourceAsStream("kb/starter.jsonl")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<GoldArticle> read(Path path) {
        try {
            List<GoldArticle> articles = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                if (!line.isBlank()) {
                    articles.add(EventJson.fromJson(line, GoldArticle.class));
                }
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Exact span and CoNLL class: the gold mentions of the classes the engine knows, against every prediction but MISC
     * (the gold set does not annotate MISC; its laws and events count as MISC here).
     */
    public static Scores conllScores(EntityExtractor extractor, List<GoldArticle> articles) {
        Scores scores = new Scores();
        for (GoldArticle article : articles) {
            Map<String, String> predicted = new HashMap<>();
            for (ArticleEntity e : extractor.extract(article.title(), article.body()).entities()) {
                String cls = e.type() == EntityType.MISC ? null : ConllEvaluation.conllClass(e.type());
                if (cls != null) {
                    e.mentions().forEach(m -> predicted.put(m.start() + ":" + m.end(), cls));
                }
            }
            Set<String> matched = new HashSet<>();
            for (GoldArticle.GoldMention g : article.mentions()) {
                String cls = ConllEvaluation.conllClass(EntityType.valueOf(g.type()));
                String key = g.start() + ":" + g.end();
                if (cls == null) {
                    predicted.remove(key);
                } else if (cls.equals(predicted.get(key))) {
                    scores.truePositive(cls);
                    matched.add(key);
                } else {
                    scores.falseNegative(cls);
                }
            }
            predicted.forEach((key, cls) -> {
                if (!matched.contains(key)) {
                    scores.falsePositive(cls);
                }
            });
        }
        return scores;
    }

    public static Result evaluate(EntityExtractor extractor, List<GoldArticle> articles, boolean verbose) {
        Scores detection = new Scores();
        Scores linking = new Scores();
        long t0 = System.nanoTime();
        for (GoldArticle article : articles) {
            Extraction extraction = extractor.extract(article.title(), article.body());
            Map<String, String[]> predicted = new HashMap<>(); // "start:end" -> {type, id, text}
            for (ArticleEntity e : extraction.entities()) {
                if (e.type() == EntityType.MISC) {
                    continue;
                }
                for (Mention m : e.mentions()) {
                    predicted.put(m.start() + ":" + m.end(), new String[] { e.type().name(), e.id(), m.text() });
                }
            }
            Set<String> matchedDetection = new HashSet<>();
            Set<String> matchedLinking = new HashSet<>();
            for (GoldArticle.GoldMention g : article.mentions()) {
                String key = g.start() + ":" + g.end();
                String[] p = predicted.get(key);
                if (p != null && p[0].equals(g.type())) {
                    detection.truePositive(g.type());
                    matchedDetection.add(key);
                } else {
                    detection.falseNegative(g.type());
                    if (verbose) {
                        System.out.printf("  [%s] missed %s '%s'%s%n", article.id(), g.type(), g.text(),
                                p == null ? "" : " (found as " + p[0] + ")");
                    }
                }
                if (p != null && p[1].equals(g.entity())) {
                    linking.truePositive(g.type());
                    matchedLinking.add(key);
                } else {
                    linking.falseNegative(g.type());
                    if (verbose && p != null && p[0].equals(g.type())) {
                        System.out.printf("  [%s] mislinked '%s': %s instead of %s%n", article.id(), g.text(), p[1],
                                g.entity());
                    }
                }
            }
            for (Map.Entry<String, String[]> p : predicted.entrySet()) {
                if (!matchedDetection.contains(p.getKey())) {
                    detection.falsePositive(p.getValue()[0]);
                    if (verbose) {
                        System.out.printf("  [%s] spurious %s '%s' (%s)%n", article.id(), p.getValue()[0],
                                p.getValue()[2], p.getValue()[1]);
                    }
                }
                if (!matchedLinking.contains(p.getKey())) {
                    linking.falsePositive(p.getValue()[0]);
                }
            }
        }
        return new Result(detection, linking, (System.nanoTime() - t0) / 1_000_000, articles.size());
    }
}
