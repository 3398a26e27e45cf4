package newsroom.search.story.service;

import java.util.Map;

import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.config.StoryConfig;

/**
 * How alike two articles are, from their {@link StoryKeys}: the cosine of their entity vectors (salience times
 * rarity) and of their keyword vectors (TF-IDF, entity names left out, so that shared names count once, as entities).
 */
public final class StorySimilarity {

    private StorySimilarity() {
    }

    /**
     * @param entities cosine of the entity vectors (0 when either has none)
     * @param keywords cosine of the keyword vectors
     * @param sharedEntity whether the two name at least one entity in common
     */
    public record Score(double entities, double keywords, boolean sharedEntity) {

        public double combined(double entityWeight) {
            return sharedEntity ? entityWeight * entities + (1 - entityWeight) * keywords : keywords;
        }

        /**
         * Joins when the articles share an entity, are alike overall and share some event words too; without a
         * shared entity only a high keyword similarity joins (articles that name nobody, or name them differently).
         */
        public boolean joins(StoryConfig config) {
            return at(config.joinThreshold(), config);
        }

        /** A stricter {@link #joins}: what an article needs with each of two stories to merge them. */
        public boolean merges(StoryConfig config) {
            return at(config.mergeThreshold(), config);
        }

        private boolean at(double threshold, StoryConfig config) {
            if (!sharedEntity) {
                return keywords >= Math.max(config.keywordOnlyThreshold(), threshold);
            }
            return keywords >= config.minKeywordSimilarity() && combined(config.entityWeight()) >= threshold;
        }
    }

    public static Score score(StoryKeys a, StoryKeys b) {
        Map<String, Double> ea = a.entities() == null ? Map.of() : a.entities();
        Map<String, Double> eb = b.entities() == null ? Map.of() : b.entities();
        boolean shared = ea.keySet().stream().anyMatch(eb::containsKey);
        return new Score(cosine(ea, eb), cosine(stems(a.terms()), stems(b.terms())), shared);
    }

    /** Keywords by a light plural stem, so that "strike" meets "strikes" and "container" "containers". */
    static Map<String, Double> stems(Map<String, Double> terms) {
        if (terms == null || terms.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> out = new java.util.HashMap<>();
        terms.forEach((t, w) -> out.merge(stem(t), w, Double::sum));
        return out;
    }

    static String stem(String term) {
        int n = term.length();
        if (n > 4 && term.endsWith("ies")) {
            return term.substring(0, n - 3) + "y";
        }
        if (n > 4 && term.endsWith("es") && "sxzh".indexOf(term.charAt(n - 3)) >= 0) {
            return term.substring(0, n - 2);
        }
        if (n > 3 && term.endsWith("s") && !term.endsWith("ss") && !term.endsWith("us")) {
            return term.substring(0, n - 1);
        }
        return term;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        double norm = Math.sqrt(squares(a)) * Math.sqrt(squares(b));
        return norm == 0 ? 0 : dot / norm;
    }

    private static double squares(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return sum;
    }
}
