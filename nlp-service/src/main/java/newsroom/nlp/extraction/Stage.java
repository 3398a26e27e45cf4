package newsroom.nlp.extraction;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The stages the hybrid adds around the statistical engine. The engine's spans are the floor; each stage may add
 * names or correct the engine, and {@link Corrections} counts what it did. Turning stages off gives the ablation
 * rows of the quality evaluations.
 */
public enum Stage {
    /** Links engine spans whose whole span is an alias, adds known names the engine missed. */
    KNOWLEDGE_BASE,
    /** Money, percentages, dates, laws, facilities, gang acronyms. */
    RULES,
    /** Cleaning of engine spans, acronyms, coreference of partial names, one id per unknown entity. */
    RESOLUTION,
    /**
     * All-capital lines (headlines, datelines, tables) recased from the article's own mixed-case words and the
     * knowledge base before the engine reads them ({@link CaseRestorer}).
     */
    TRUECASE;

    public static final Set<Stage> ALL = EnumSet.allOf(Stage.class);

    /** The cumulative ablation steps: the bare engine, then each stage added in order. */
    public static List<Set<Stage>> ablationSteps() {
        return List.of(EnumSet.noneOf(Stage.class), EnumSet.of(KNOWLEDGE_BASE), EnumSet.of(KNOWLEDGE_BASE, RULES),
                EnumSet.of(KNOWLEDGE_BASE, RULES, RESOLUTION), EnumSet.allOf(Stage.class));
    }

    /** "engine", "+knowledge_base", … for the ablation tables. */
    public static String label(Set<Stage> stages) {
        if (stages.isEmpty()) {
            return "engine";
        }
        Stage last = null;
        for (Stage s : values()) {
            if (stages.contains(s)) {
                last = s;
            }
        }
        return "+" + last.name().toLowerCase().replace("_", " ");
    }
}
