package newsroom.e2e.stories;

import java.util.HashMap;
import java.util.Map;

/**
 * How well a predicted grouping of articles into stories matches the gold grouping, in the two measures the
 * clustering literature uses for this: B-cubed (Bagga and Baldwin: per article, the share of its predicted story that
 * is truly its story, and the share of its true story that it was put with, averaged over articles) and pairwise
 * (over every pair of articles: were the pairs put together truly together, and were the true pairs put together).
 *
 * <p>B-cubed weighs every article equally, so one huge wrong merge cannot hide behind many right singletons; pairwise
 * weighs big stories quadratically and is the stricter reading of a wrong join. Where a ratio has nothing to count
 * (no predicted pair, no gold pair) it is 1: nothing was claimed, so nothing was wrong.
 *
 * @param items articles scored
 * @param goldStories distinct gold labels
 * @param predictedStories distinct predicted clusters
 */
public record StoryScores(double bcubedPrecision, double bcubedRecall, double pairwisePrecision,
        double pairwiseRecall, int items, int goldStories, int predictedStories) {

    /**
     * @param gold article → gold story label
     * @param predicted article → predicted cluster id; must name exactly the articles of {@code gold}
     */
    public static StoryScores of(Map<String, String> gold, Map<String, String> predicted) {
        if (!gold.keySet().equals(predicted.keySet())) {
            throw new IllegalArgumentException("gold and predicted must label the same articles");
        }
        if (gold.isEmpty()) {
            throw new IllegalArgumentException("nothing to score");
        }
        Map<String, Integer> goldSizes = sizes(gold);
        Map<String, Integer> predictedSizes = sizes(predicted);
        // how many articles each (gold, predicted) pair of labels shares: the contingency table
        Map<String, Integer> both = new HashMap<>();
        gold.forEach((item, g) -> both.merge(g + '\u0000' + predicted.get(item), 1, Integer::sum));

        double precisionSum = 0;
        double recallSum = 0;
        for (Map.Entry<String, String> e : gold.entrySet()) {
            String p = predicted.get(e.getKey());
            int shared = both.get(e.getValue() + '\u0000' + p);
            precisionSum += (double) shared / predictedSizes.get(p);
            recallSum += (double) shared / goldSizes.get(e.getValue());
        }
        long truePairs = both.values().stream().mapToLong(StoryScores::pairs).sum();
        long predictedPairs = predictedSizes.values().stream().mapToLong(StoryScores::pairs).sum();
        long goldPairs = goldSizes.values().stream().mapToLong(StoryScores::pairs).sum();
        int n = gold.size();
        return new StoryScores(precisionSum / n, recallSum / n, ratio(truePairs, predictedPairs),
                ratio(truePairs, goldPairs), n, goldSizes.size(), predictedSizes.size());
    }

    public double bcubedF1() {
        return f1(bcubedPrecision, bcubedRecall);
    }

    public double pairwiseF1() {
        return f1(pairwisePrecision, pairwiseRecall);
    }

    /** The figures as one table, for a test's output and the README. */
    public String table(String label) {
        return """
                %s: %d articles, %d gold stories, %d predicted
                            precision  recall     F1
                  B-cubed   %.3f      %.3f      %.3f
                  pairwise  %.3f      %.3f      %.3f
                """.formatted(label, items, goldStories, predictedStories, bcubedPrecision, bcubedRecall, bcubedF1(),
                pairwisePrecision, pairwiseRecall, pairwiseF1());
    }

    private static Map<String, Integer> sizes(Map<String, String> labels) {
        Map<String, Integer> sizes = new HashMap<>();
        labels.values().forEach(label -> sizes.merge(label, 1, Integer::sum));
        return sizes;
    }

    private static long pairs(int size) {
        return (long) size * (size - 1) / 2;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
