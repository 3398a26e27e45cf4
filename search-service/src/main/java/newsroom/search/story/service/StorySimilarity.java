package newsroom.search.story.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.config.StoryConfig;

/**
 * How alike two articles are, from their {@link StoryKeys}: the cosine of their entity vectors (salience times
 * rarity) and of their keyword vectors (TF-IDF, entity names left out, so that shared names count once, as entities).
 * A shared entity counts only when one of those shared is central to both (among the heaviest few of each): a name one
 * article mentions in passing links it to nothing. Articles in two languages share no words: they are compared by their
 * canonical entities alone, under a stricter rule.
 * An article is also compared with a story as a whole ({@link #profile}), so that a follow-up that shares a little with
 * each of several articles of its story is seen as sharing much with the story.
 */
public final class StorySimilarity {

    private StorySimilarity() {
    }

    /**
     * @param entities cosine of the entity vectors (0 when either has none)
     * @param keywords cosine of the keyword vectors
     * @param sharedEntities how many entities the two name in common
     * @param crossLanguage whether the two are written in different languages (their words cannot be compared)
     * @param unnamed whether either names fewer than two entities (the tagger found little, e.g. in a language its
     *     models do not cover): not sharing one then says nothing, and its names are among its keywords
     */
    public record Score(double entities, double keywords, int sharedEntities, boolean crossLanguage,
            boolean unnamed) {

        public boolean sharedEntity() {
            return sharedEntities > 0;
        }

        public double combined(double entityWeight) {
            if (crossLanguage) {
                return entities;
            }
            return sharedEntity() ? entityWeight * entities + (1 - entityWeight) * keywords : keywords;
        }

        /**
         * Joins when the articles share an entity, are alike overall and share some event words too; without a
         * shared entity only a high keyword similarity joins (articles that name nobody, or name them differently).
         * Across languages: enough shared entities and a high entity similarity.
         */
        public boolean joins(StoryConfig config) {
            return joins(config, Duration.ZERO);
        }

        /**
         * {@link #joins(StoryConfig)} with a story that has been quiet for {@code quiet} (from the article to the
         * story's nearest article): past {@code threshold-rise-after}, every threshold rises by
         * {@code threshold-rise-per-day}, so the longer a story has been quiet, the more an article must share with
         * it to continue it.
         */
        public boolean joins(StoryConfig config, Duration quiet) {
            return at(config.joinThreshold(), rise(config, quiet), config);
        }

        /** A stricter {@link #joins}: what an article needs with each of two stories to merge them. */
        public boolean merges(StoryConfig config) {
            return merges(config, Duration.ZERO);
        }

        public boolean merges(StoryConfig config, Duration quiet) {
            return at(config.mergeThreshold(), rise(config, quiet), config);
        }

        static double rise(StoryConfig config, Duration quiet) {
            long minutes = quiet.minus(config.thresholdRiseAfter()).toMinutes();
            return minutes <= 0 ? 0 : config.thresholdRisePerDay() * minutes / (24.0 * 60);
        }

        private boolean at(double threshold, double rise, StoryConfig config) {
            if (crossLanguage) {
                return sharedEntities >= config.crossLanguageSharedEntities() && entities
                        >= config.crossLanguageEntitySimilarity() + threshold - config.joinThreshold() + rise;
            }
            if (!sharedEntity()) {
                return keywords >= (unnamed ? threshold : Math.max(config.keywordOnlyThreshold(), threshold)) + rise;
            }
            return keywords >= config.minKeywordSimilarity() && combined(config.entityWeight()) >= threshold + rise;
        }

        /** The better of two scores: one that joins before one that does not, then the higher combined. */
        public static Score better(Score a, Score b, StoryConfig config) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            boolean ja = a.joins(config);
            if (ja != b.joins(config)) {
                return ja ? a : b;
            }
            return a.combined(config.entityWeight()) >= b.combined(config.entityWeight()) ? a : b;
        }
    }

    public static Score score(StoryKeys a, StoryKeys b, StoryConfig config) {
        return score(StoryVectors.of(a), StoryVectors.of(b), config.mainEntities());
    }

    /**
     * @param mainEntities in one language, the entities they share count only if one is among this many heaviest of
     *     each ({@link StoryConfig#mainEntities()}); otherwise they are compared as if they shared none
     */
    public static Score score(StoryVectors a, StoryVectors b, int mainEntities) {
        boolean crossLanguage = a.language() != null && b.language() != null
                && !a.language().equals(b.language());
        if (crossLanguage) {
            Map<String, Double> na = a.names();
            Map<String, Double> nb = b.names();
            int shared = (int) na.keySet().stream().filter(nb::containsKey).count();
            return new Score(cosine(na, a.nameLength(), nb, b.nameLength()), 0, shared, true, false);
        }
        Map<String, Double> ea = a.entities();
        Map<String, Double> eb = b.entities();
        int shared = a.sharesMainEntity(b, mainEntities)
                ? (int) ea.keySet().stream().filter(eb::containsKey).count() : 0;
        return new Score(cosine(ea, a.entityLength(), eb, b.entityLength()),
                cosine(a.terms(), a.termLength(), b.terms(), b.termLength()), shared, false,
                Math.min(ea.size(), eb.size()) < 2);
    }

    /**
     * What two languages can share: names and numbers. The words of its entities' canonical names and its keywords
     * (where a name the tagger missed, in a language it does not know, is found as a word), each half scaled to length
     * one; numbers without their separators ({@code 6,9} and {@code 6.9}, {@code 150.000} and {@code 150,000}). The
     * other words of two languages rarely meet, so what is shared is mostly names and numbers.
     */
    static Map<String, Double> names(StoryVectors v) {
        StoryKeys k = v.keys();
        Map<String, Double> words = new HashMap<>();
        v.entities().forEach((id, w) -> {
            for (String word : id.split("-")) {
                if (word.length() > 2) {
                    words.merge(number(word), w, Math::max);
                }
            }
        });
        Map<String, Double> terms = new HashMap<>();
        if (k.terms() != null) {
            k.terms().forEach((t, w) -> terms.merge(number(t), w, Math::max));
        }
        Map<String, Double> out = new HashMap<>();
        addUnit(words, out);
        addUnit(terms, out);
        return out;
    }

    private static String number(String token) {
        return token.chars().anyMatch(Character::isDigit) ? token.replace(",", "").replace(".", "") : token;
    }

    /**
     * A story's articles as one: the sum of their keyword and entity vectors, each scaled to length one first (so a
     * long article does not outweigh the rest), said to be in {@code language}.
     */
    public static StoryVectors profile(List<StoryVectors> members, String language) {
        Map<String, Double> terms = new HashMap<>();
        Map<String, Double> entities = new HashMap<>();
        for (StoryVectors m : members) {
            addUnit(m.terms(), m.termLength(), terms);
            addUnit(m.entities(), m.entityLength(), entities);
        }
        return StoryVectors.of(new StoryKeys(terms, entities, language));
    }

    private static void addUnit(Map<String, Double> v, Map<String, Double> sum) {
        addUnit(v, length(v), sum);
    }

    private static void addUnit(Map<String, Double> v, double norm, Map<String, Double> sum) {
        if (norm > 0) {
            v.forEach((k, x) -> sum.merge(k, x / norm, Double::sum));
        }
    }

    /**
     * Entities by their canonical name without the type: the tagger may call one place a location in one article and
     * an organisation in the next ({@code location:reykjanes}, {@code organization:reykjanes}); it is one entity.
     */
    static Map<String, Double> untyped(Map<String, Double> entities) {
        if (entities == null || entities.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> out = new HashMap<>();
        entities.forEach((id, w) -> out.merge(id.substring(id.indexOf(':') + 1), w, Math::max));
        return out;
    }

    /** Keywords by a light plural stem, so that "strike" meets "strikes" and "container" "containers". */
    static Map<String, Double> stems(Map<String, Double> terms) {
        if (terms == null || terms.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> out = new HashMap<>();
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

    /** With the lengths of both known ({@link StoryVectors} keeps them). */
    static double cosine(Map<String, Double> a, double lengthA, Map<String, Double> b, double lengthB) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double norm = lengthA * lengthB;
        return norm == 0 ? 0 : dot(a, b) / norm;
    }

    /** A vector's Euclidean length. */
    static double length(Map<String, Double> v) {
        return Math.sqrt(squares(v));
    }

    /** The weights two vectors share, multiplied and added up. */
    static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot;
    }

    private static double squares(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return sum;
    }
}
