package newsroom.nlp.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import newsroom.events.Mention;
import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.extraction.HybridEntityExtractor;

/**
 * Evaluates the extractor on any CoNLL-2003-format file (token, POS, chunk, NER tag per line; blank line between
 * sentences; {@code -DOCSTART-} between documents; IOB1 or IOB2 tags). Each document is rebuilt as text (tokens
 * joined by spaces, one sentence per line), run through the extractor, and its mentions are mapped to CoNLL classes:
 * PERSON→PER, ORGANIZATION→ORG, LOCATION and FACILITY→LOC, MISC, LAW and EVENT→MISC; MONEY, DATE and PERCENT are not
 * CoNLL entities and are ignored. Scored as in conlleval: exact span and class, per class and micro-averaged.
 *
 * With {@code --ablation} the bare engine and each added stage are scored in the same run ({@link Ablation}).
 *
 * <pre>./mvnw -q -pl nlp-service exec:java -Dexec.mainClass=newsroom.nlp.quality.ConllEvaluation \
 *     -Dexec.args="path/to/eng.testb [--ner=corenlp|none] [--model=conll4|all3] [--language-models=es=spanish|none] [--ablation] [--verbose]"</pre>
 */
public final class ConllEvaluation {

    private ConllEvaluation() {
    }

    /** A document rebuilt from CoNLL lines, with its gold spans ("start:end" → class). */
    public record Document(String text, Map<String, String> gold) {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ConllEvaluation FILE [--ner=corenlp|none] [--model=conll4|all3] [--language-models=es=spanish|none] [--ablation] [--verbose]");
            System.exit(2);
        }
        String ner = "corenlp";
        String model = "conll4";
        List<String> languageModels = GoldSetEvaluation.DEFAULT_LANGUAGE_MODELS;
        String file = null;
        boolean ablation = false;
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("--ablation")) {
                ablation = true;
            } else if (a.equals("--verbose")) {
                verbose = true;
            } else if (a.startsWith("--ner=")) {
                ner = a.substring(6);
            } else if (a.startsWith("--model=")) {
                model = a.substring(8);
            } else if (a.startsWith("--language-models=")) {
                languageModels = List.of(a.substring(18).split(","));
            } else {
                file = a;
            }
        }
        HybridEntityExtractor extractor = GoldSetEvaluation.starterHybrid(ner, model, languageModels);
        List<Document> documents = read(Path.of(file));
        if (ablation) {
            System.out.printf("CoNLL file %s: %d documents, extractor %s%n%n", file, documents.size(), extractor.engine());
            System.out.println(Ablation.table("Ablation (exact span + CoNLL class)",
                    Ablation.run(extractor, e -> evaluate(e, documents))));
            return;
        }
        long t0 = System.nanoTime();
        Scores scores = evaluate(extractor, documents, verbose);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("CoNLL file %s: %d documents, extractor %s, %d ms%n%n", file, documents.size(),
                extractor.engine(), ms);
        System.out.println(scores.table("Entities (exact span + CoNLL class)"));
    }

    public static List<Document> read(Path path) {
        try {
            return parse(Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Document> parse(List<String> lines) {
        List<Document> documents = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Map<String, String> gold = new HashMap<>();
        boolean sentenceOpen = false;
        int entityStart = -1;
        int entityEnd = -1;
        String entityClass = null;
        for (String raw : lines) {
            String line = raw.strip();
            boolean docStart = line.startsWith("-DOCSTART-");
            if (line.isEmpty() || docStart) {
                if (entityClass != null) {
                    gold.put(entityStart + ":" + entityEnd, entityClass);
                    entityClass = null;
                }
                if (sentenceOpen) {
                    text.append('\n');
                    sentenceOpen = false;
                }
                if (docStart && text.length() > 0) {
                    documents.add(new Document(text.toString(), gold));
                    text = new StringBuilder();
                    gold = new HashMap<>();
                }
                continue;
            }
            String[] cols = line.split("\\s+");
            String token = cols[0];
            String tag = cols[cols.length - 1];
            if (sentenceOpen) {
                text.append(' ');
            }
            int start = text.length();
            text.append(token);
            int end = text.length();
            sentenceOpen = true;
            String cls = tag.equals("O") ? null : tag.substring(tag.indexOf('-') + 1);
            boolean begins = tag.startsWith("B-") || cls != null && !cls.equals(entityClass);
            if (entityClass != null && (cls == null || begins)) {
                gold.put(entityStart + ":" + entityEnd, entityClass);
                entityClass = null;
            }
            if (cls != null) {
                if (entityClass == null) {
                    entityStart = start;
                    entityClass = cls;
                }
                entityEnd = end;
            }
        }
        if (entityClass != null) {
            gold.put(entityStart + ":" + entityEnd, entityClass);
        }
        if (text.length() > 0) {
            documents.add(new Document(text.toString(), gold));
        }
        return documents;
    }

    public static Scores evaluate(EntityExtractor extractor, List<Document> documents) {
        return evaluate(extractor, documents, false);
    }

    /** With {@code verbose}, prints each missed, mistyped and spurious name. */
    public static Scores evaluate(EntityExtractor extractor, List<Document> documents, boolean verbose) {
        Scores scores = new Scores();
        int shift = 2; // the document is passed as body with an empty title: offsets move by "\n\n"
        for (Document doc : documents) {
            Map<String, String> predicted = new HashMap<>();
            for (ArticleEntity e : extractor.extract("", doc.text()).entities()) {
                String cls = conllClass(e.type());
                if (cls == null) {
                    continue;
                }
                for (Mention m : e.mentions()) {
                    predicted.put((m.start() - shift) + ":" + (m.end() - shift), cls);
                }
            }
            Set<String> matched = new HashSet<>();
            for (Map.Entry<String, String> g : doc.gold().entrySet()) {
                if (g.getValue().equals(predicted.get(g.getKey()))) {
                    scores.truePositive(g.getValue());
                    matched.add(g.getKey());
                } else {
                    scores.falseNegative(g.getValue());
                    if (verbose) {
                        String p = predicted.get(g.getKey());
                        System.out.printf("  missed %s '%s'%s%n", g.getValue(), surface(doc, g.getKey()),
                                p == null ? "" : " (found as " + p + ")");
                    }
                }
            }
            for (Map.Entry<String, String> p : predicted.entrySet()) {
                if (!matched.contains(p.getKey())) {
                    scores.falsePositive(p.getValue());
                    if (verbose && !doc.gold().containsKey(p.getKey())) {
                        System.out.printf("  spurious %s '%s'%n", p.getValue(), surface(doc, p.getKey()));
                    }
                }
            }
        }
        return scores;
    }

    private static String surface(Document doc, String key) {
        int colon = key.indexOf(':');
        int start = Math.max(0, Integer.parseInt(key.substring(0, colon)));
        return doc.text().substring(start, Math.min(doc.text().length(), Integer.parseInt(key.substring(colon + 1))));
    }

    public static String conllClass(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case ORGANIZATION -> "ORG";
            case LOCATION, FACILITY -> "LOC";
            case MISC, LAW, EVENT -> "MISC";
            default -> null;
        };
    }
}
