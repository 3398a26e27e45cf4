package newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Precision and recall of SimHash near-duplicate detection on edited copies made here: every sample article of the
 * project gets lightly edited copies (a dateline, a byline, a changed headline word, a few substituted words, one
 * sentence dropped or two swapped, from a seeded random). Positive pairs: an article and each of its copies.
 * Negative pairs: different articles and their copies, many on the same news story (hard negatives).
 */
class NearDuplicateEvaluationTest {
    static final int DEFAULT_THRESHOLD = 12;
    private static final int COPIES = 12;
    private static final String[] REPLACEMENTS = {"officials", "reported", "said", "late", "government", "court",
            "week", "new", "statement", "country", "city", "federal"};

    record Doc(int story, boolean original, String title, String body) {
        long simhash() {
            return SimHash.of(title, body);
        }
    }

    @Test
    void editedCopiesAreFoundAndDifferentArticlesAreNot() throws IOException {
        List<Doc> originals = samples();
        assertThat(originals).hasSizeGreaterThanOrEqualTo(15);
        List<Doc> docs = new ArrayList<>(originals);
        Random random = new Random(20261123);
        for (Doc original : originals) {
            for (int c = 0; c < COPIES; c++) {
                docs.add(edit(original, random));
            }
        }
        for (int shingle = 1; shingle <= 3; shingle++) {
            int k = shingle;
            long[] h = docs.stream().mapToLong(d -> SimHash.of(d.title(), d.body(), k)).toArray();
            StringBuilder line = new StringBuilder("[near-duplicates] shingle " + k + " (threshold:precision/recall)");
            for (int threshold : new int[] {6, 8, 10, 12, 14}) {
                double[] pr = evaluate(docs, h, threshold);
                line.append(String.format(" %d:%.3f/%.2f", threshold, pr[0], pr[1]));
            }
            System.out.println(line);
        }
        long[] hashes = docs.stream().mapToLong(Doc::simhash).toArray();
        System.out.printf("[near-duplicates] %d articles, %d edited copies; pairs compared: %d (shingle %d)%n",
                originals.size(), docs.size() - originals.size(), docs.size() * (docs.size() - 1) / 2, SimHash.SHINGLE);
        System.out.println("[near-duplicates] threshold  precision  recall(original-copy)  recall(copy-copy)  tp  fp");
        double[] atDefault = null;
        for (int threshold = 4; threshold <= 16; threshold += 2) {
            double[] r = evaluate(docs, hashes, threshold);
            System.out.printf("[near-duplicates] %9d  %9.3f  %20.3f  %17.3f  %4.0f %3.0f%s%n", threshold, r[0], r[1], r[2], r[3], r[4],
                    threshold == DEFAULT_THRESHOLD ? "   <- default" : "");
            if (threshold == DEFAULT_THRESHOLD) {
                atDefault = r;
            }
        }
        assertThat(atDefault[0]).as("precision at the default threshold").isGreaterThanOrEqualTo(0.99);
        assertThat(atDefault[1]).as("recall (original-copy) at the default threshold").isGreaterThanOrEqualTo(0.75);
    }

    /** {precision, recall over original-copy pairs, recall over copy-copy pairs, tp, fp} at a threshold. */
    static double[] evaluate(List<Doc> docs, long[] hashes, int threshold) {
        int tp = 0;
        int fp = 0;
        int originalCopies = 0;
        int originalCopiesFound = 0;
        int copyPairs = 0;
        int copyPairsFound = 0;
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                boolean same = docs.get(i).story() == docs.get(j).story();
                boolean flagged = SimHash.distance(hashes[i], hashes[j]) <= threshold;
                if (same) {
                    boolean withOriginal = docs.get(i).original() || docs.get(j).original();
                    if (withOriginal) {
                        originalCopies++;
                        originalCopiesFound += flagged ? 1 : 0;
                    } else {
                        copyPairs++;
                        copyPairsFound += flagged ? 1 : 0;
                    }
                    tp += flagged ? 1 : 0;
                } else if (flagged) {
                    fp++;
                }
            }
        }
        return new double[] {tp + fp == 0 ? 1 : (double) tp / (tp + fp), (double) originalCopiesFound / originalCopies,
                (double) copyPairsFound / copyPairs, tp, fp};
    }

    @Test
    void identicalTextIsDistanceZeroAndUnrelatedTextIsFar() {
        long a = SimHash.of("Harbour reopens", "The harbour reopened on Tuesday after a week of storms kept ferries in port.");
        long b = SimHash.of("HARBOUR REOPENS", "The harbour reopened on Tuesday, after a week of storms kept ferries in port!");
        long c = SimHash.of("Budget vote", "Lawmakers approved the budget late on Friday after a long debate on taxes.");
        assertThat(SimHash.distance(a, b)).isZero();
        assertThat(SimHash.distance(a, c)).isGreaterThan(DEFAULT_THRESHOLD);
    }

    static Doc edit(Doc original, Random random) {
        List<String> sentences = new ArrayList<>(Arrays.asList(original.body().split("(?<=[.!?])\\s+")));
        String title = original.title();
        int edits = 2 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(6)) {
                case 0 -> sentences.set(0, "SAN SALVADOR (Wire) - " + sentences.get(0));
                case 1 -> sentences.add("Reporting by a staff writer; editing by the night desk.");
                case 2 -> {
                    String[] words = title.split(" ");
                    words[random.nextInt(words.length)] = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
                    title = String.join(" ", words);
                }
                case 3 -> {
                    for (int k = 0; k < 3; k++) {
                        int s = random.nextInt(sentences.size());
                        String[] words = sentences.get(s).split(" ");
                        words[random.nextInt(words.length)] = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
                        sentences.set(s, String.join(" ", words));
                    }
                }
                case 4 -> {
                    if (sentences.size() > 6) {
                        sentences.remove(1 + random.nextInt(sentences.size() - 1));
                    }
                }
                default -> {
                    if (sentences.size() > 3) {
                        int s = 1 + random.nextInt(sentences.size() - 2);
                        String t = sentences.get(s);
                        sentences.set(s, sentences.get(s + 1));
                        sentences.set(s + 1, t);
                    }
                }
            }
        }
        return new Doc(original.story(), false, title, String.join(" ", sentences));
    }

    static List<Doc> samples() throws IOException {
        Path dir = Path.of(System.getProperty("newsroom.root", "..")).resolve("samples/articles");
        ObjectMapper json = new ObjectMapper();
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = json.readTree(file.toFile());
                docs.add(new Doc(docs.size(), true, node.path("title").asText(), node.path("body").asText()));
            }
        }
        return docs;
    }
}
