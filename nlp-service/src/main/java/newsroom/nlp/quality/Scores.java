package newsroom.nlp.quality;

import java.util.Map;
import java.util.TreeMap;

/** True/false positives and false negatives per label, with precision, recall and F1. */
public final class Scores {

    /** Counts of one label. */
    public static final class Counts {
        int tp;
        int fp;
        int fn;

        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int support() {
            return tp + fn;
        }
    }

    private final Map<String, Counts> byLabel = new TreeMap<>();
    private final Counts total = new Counts();

    public void truePositive(String label) {
        counts(label).tp++;
        total.tp++;
    }

    public void falsePositive(String label) {
        counts(label).fp++;
        total.fp++;
    }

    public void falseNegative(String label) {
        counts(label).fn++;
        total.fn++;
    }

    private Counts counts(String label) {
        return byLabel.computeIfAbsent(label, k -> new Counts());
    }

    public Counts total() {
        return total;
    }

    /** The labels seen, in order. */
    public java.util.Set<String> labels() {
        return byLabel.keySet();
    }

    public Counts of(String label) {
        return byLabel.getOrDefault(label, new Counts());
    }

    /** A fixed-width table: one row per label, then the micro-average. */
    public String table(String title) {
        StringBuilder b = new StringBuilder();
        b.append(title).append('\n');
        b.append(String.format("  %-14s %9s %9s %9s %8s %6s %6s%n", "type", "precision", "recall", "F1", "support",
                "fp", "fn"));
        for (Map.Entry<String, Counts> e : byLabel.entrySet()) {
            row(b, e.getKey(), e.getValue());
        }
        row(b, "ALL (micro)", total);
        return b.toString();
    }

    private static void row(StringBuilder b, String label, Counts c) {
        b.append(String.format("  %-14s %9.3f %9.3f %9.3f %8d %6d %6d%n", label, c.precision(), c.recall(), c.f1(),
                c.support(), c.fp, c.fn));
    }
}
