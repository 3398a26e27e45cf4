package newsroom.search.story.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import newsroom.search.story.config.StoryConfig;

/**
 * {@link StoryReplay} over many orders: each pass's keys in the order it was posted and in {@code -Dreplay.orders}
 * minus one shuffled orders (default 200 in all, seed {@code -Dreplay.seed}, default 42), all files together. Prints
 * how many orders fall below {@code StoryGoldSetIT}'s floors (B-cubed precision 0.95, recall 0.90), how many join any
 * two gold stories, the means and minimums, and which gold stories were joined in the orders below the precision
 * floor. One pass of the real pipeline is one draw from this; settings as in {@link StoryReplay}.
 */
public final class StoryReplayOrders {
    private static final double PRECISION_FLOOR = 0.95;
    private static final double RECALL_FLOOR = 0.90;

    private StoryReplayOrders() {
    }

    public static void main(String[] args) throws IOException {
        StoryConfig config = StoryReplay.config();
        int orders = Integer.getInteger("replay.orders", 200);
        Random random = new Random(Long.getLong("replay.seed", 42));
        int total = 0;
        int belowPrecision = 0;
        int belowRecall = 0;
        int anyJoin = 0;
        double precisionSum = 0;
        double recallSum = 0;
        double precisionMin = 1;
        double recallMin = 1;
        Map<String, Integer> joinedBelowFloor = new TreeMap<>();
        for (String file : args) {
            List<StoryReplay.Article> articles = StoryReplay.load(Path.of(file));
            Map<String, String> gold = new HashMap<>();
            articles.forEach(a -> gold.put(a.id(), a.story()));
            for (int i = 0; i < orders; i++) {
                List<StoryReplay.Article> order = new ArrayList<>(articles);
                if (i > 0) {
                    Collections.shuffle(order, random);
                }
                Map<String, String> predicted = StoryReplay.replay(order, config, null);
                double precision = StoryReplay.bcubed(predicted, gold);
                double recall = StoryReplay.bcubed(gold, predicted);
                total++;
                precisionSum += precision;
                recallSum += recall;
                precisionMin = Math.min(precisionMin, precision);
                recallMin = Math.min(recallMin, recall);
                anyJoin += precision < 1 ? 1 : 0;
                belowRecall += recall < RECALL_FLOOR ? 1 : 0;
                if (precision < PRECISION_FLOOR) {
                    belowPrecision++;
                    joined(predicted, gold).forEach(j -> joinedBelowFloor.merge(j, 1, Integer::sum));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d orders: precision mean %.4f, min %.3f, below %.2f in %d, any join in %d;"
                + " recall mean %.4f, min %.3f, below %.2f in %d%n", total, precisionSum / total, precisionMin,
                PRECISION_FLOOR, belowPrecision, anyJoin, recallSum / total, recallMin, RECALL_FLOOR, belowRecall);
        joinedBelowFloor.forEach((stories, n) -> System.out.printf("  joined in %d of those below the floor: %s%n", n,
                stories));
    }

    /** The gold stories each predicted story holds, where it holds more than one. */
    private static List<String> joined(Map<String, String> predicted, Map<String, String> gold) {
        Map<String, Set<String>> goldOf = new TreeMap<>();
        predicted.forEach((id, story) -> goldOf.computeIfAbsent(story, s -> new TreeSet<>()).add(gold.get(id)));
        return goldOf.values().stream().filter(g -> g.size() > 1).map(Set::toString).toList();
    }
}
