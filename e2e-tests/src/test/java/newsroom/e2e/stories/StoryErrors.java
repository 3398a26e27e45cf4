package newsroom.e2e.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The mistakes behind the scores, for whoever tunes story assignment: splits (one gold story spread over several
 * predicted stories) and joins (one predicted story holding several gold stories), worst first. A mistake's weight is
 * the number of articles outside its largest part: what would have to move to repair it.
 */
public final class StoryErrors {

    /**
     * One split or join.
     *
     * @param label the gold story (a split) or the predicted story (a join)
     * @param parts the other side's labels → the articles of {@code label} under each, largest first
     */
    public record Mistake(String label, Map<String, List<String>> parts, int weight) {
    }

    private StoryErrors() {
    }

    /** Gold stories that were split, worst first. */
    public static List<Mistake> splits(Map<String, String> gold, Map<String, String> predicted) {
        return mistakes(gold, predicted);
    }

    /** Predicted stories that join gold stories, worst first. */
    public static List<Mistake> joins(Map<String, String> gold, Map<String, String> predicted) {
        return mistakes(predicted, gold);
    }

    /** Up to {@code limit} mistakes as text, each article shown by its id and title. */
    public static String describe(String kind, List<Mistake> mistakes, int limit, Map<String, String> titles) {
        if (mistakes.isEmpty()) {
            return kind + ": none\n";
        }
        StringBuilder out = new StringBuilder(kind + ": " + mistakes.size() + " (worst " + Math.min(limit,
                mistakes.size()) + ")\n");
        for (Mistake m : mistakes.subList(0, Math.min(limit, mistakes.size()))) {
            out.append("  ").append(m.label()).append(" — ").append(m.parts().size()).append(" parts, ")
                    .append(m.weight()).append(" article(s) to move\n");
            m.parts().forEach((part, items) -> items.forEach(item -> out.append("      [").append(part).append("] ")
                    .append(item).append("  ").append(titles.getOrDefault(item, "")).append('\n')));
        }
        return out.toString();
    }

    /** Groups of {@code by} that the {@code other} labelling cuts into more than one part. */
    private static List<Mistake> mistakes(Map<String, String> by, Map<String, String> other) {
        Map<String, Map<String, List<String>>> groups = new TreeMap<>();
        new TreeMap<>(by).forEach((item, label) -> groups.computeIfAbsent(label, l -> new TreeMap<>())
                .computeIfAbsent(other.get(item), o -> new ArrayList<>()).add(item));
        List<Mistake> mistakes = new ArrayList<>();
        groups.forEach((label, parts) -> {
            if (parts.size() > 1) {
                Map<String, List<String>> largestFirst = parts.entrySet().stream()
                        .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getValue().size())
                                .reversed().thenComparing(Map.Entry::getKey))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                                java.util.LinkedHashMap::new));
                int total = parts.values().stream().mapToInt(List::size).sum();
                int largest = largestFirst.values().iterator().next().size();
                mistakes.add(new Mistake(label, largestFirst, total - largest));
            }
        });
        mistakes.sort(Comparator.comparingInt(Mistake::weight).reversed().thenComparing(Mistake::label));
        return mistakes;
    }
}
