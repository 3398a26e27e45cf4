package newsroom.nlp.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import newsroom.nlp.Extraction;
import newsroom.nlp.extraction.Corrections;
import newsroom.nlp.extraction.Deadline;
import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.extraction.HybridEntityExtractor;
import newsroom.nlp.extraction.Stage;

/**
 * The ablation mode of the quality evaluations: the bare engine, then each stage added in order, scored in the same
 * run on the same documents, per class, with the corrections each configuration made. The last step is the hybrid
 * as the service runs it.
 */
public final class Ablation {

    /** One configuration's scores and the corrections its stages counted. */
    public record Step(String label, Set<Stage> stages, Scores scores, Corrections corrections) {
    }

    private Ablation() {
    }

    /** Runs {@code score} over every ablation step of {@code extractor}. */
    public static List<Step> run(HybridEntityExtractor extractor, Function<EntityExtractor, Scores> score) {
        List<Step> steps = new ArrayList<>();
        for (Set<Stage> stages : Stage.ablationSteps()) {
            Corrections corrections = new Corrections();
            Scores scores = score.apply(counting(extractor.withStages(stages), corrections));
            steps.add(new Step(Stage.label(stages), stages, scores, corrections));
        }
        return steps;
    }

    /** The extractor with its corrections counted into {@code corrections}. */
    static EntityExtractor counting(HybridEntityExtractor extractor, Corrections corrections) {
        return new EntityExtractor() {
            @Override
            public Extraction extract(String title, String body, Deadline deadline) {
                return extractor.extract(title, body, deadline, corrections);
            }

            @Override
            public String engine() {
                return extractor.engine();
            }

            @Override
            public String version() {
                return extractor.version();
            }
        };
    }

    /** Precision / recall / F1 per class (rows) and step (columns), then the full hybrid's corrections. */
    public static String table(String title, List<Step> steps) {
        StringBuilder b = new StringBuilder(title).append('\n');
        b.append(String.format("  %-12s", "P/R/F1"));
        for (Step s : steps) {
            b.append(String.format(" %-21s", s.label()));
        }
        b.append('\n');
        Set<String> labels = new TreeSet<>();
        steps.forEach(s -> labels.addAll(s.scores().labels()));
        for (String label : labels) {
            row(b, label, steps, s -> s.scores().of(label));
        }
        row(b, "ALL (micro)", steps, s -> s.scores().total());
        Step last = steps.get(steps.size() - 1);
        b.append('\n').append(last.corrections().table("Corrections made by the stages around the engine ("
                + last.label() + " = the hybrid)"));
        return b.toString();
    }

    private static void row(StringBuilder b, String label, List<Step> steps, Function<Step, Scores.Counts> counts) {
        b.append(String.format("  %-12s", label));
        for (Step s : steps) {
            Scores.Counts c = counts.apply(s);
            b.append(String.format(" %.3f/%.3f/%.3f  ", c.precision(), c.recall(), c.f1()));
        }
        b.append(String.format("(support %d)%n", counts.apply(steps.get(0)).support()));
    }
}
