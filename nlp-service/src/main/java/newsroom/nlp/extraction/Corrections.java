package newsroom.nlp.extraction;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the stages around the engine did to its spans, by kind ("knowledge base: linked", "rules: extended", …), so
 * every correction is measured. The service passes {@link #NONE}; the quality evaluations print the counts.
 */
public class Corrections {

    /** Counts nothing. */
    public static final Corrections NONE = new Corrections() {
        @Override
        public void count(String kind) {
        }
    };

    private final Map<String, Integer> counts = new TreeMap<>();

    public synchronized void count(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    public synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    /** One line per kind, indented. */
    public String table(String title) {
        StringBuilder b = new StringBuilder(title).append('\n');
        counts().forEach((k, v) -> b.append(String.format("  %-58s %6d%n", k, v)));
        return b.toString();
    }
}
