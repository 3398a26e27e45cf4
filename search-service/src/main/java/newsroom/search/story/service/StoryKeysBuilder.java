package newsroom.search.story.service;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.repository.TermStats;

/**
 * An article's {@link StoryKeys} from its text and entities and the index's term statistics: rarer words and entities
 * weigh more, so that "Tuesday" or a country named in every article barely counts.
 */
public final class StoryKeysBuilder {
    /** Types that say nothing about which event an article reports (every article has a date). */
    static final Set<String> IGNORED_TYPES = Set.of("DATE", "PERCENT");
    /**
     * Frequent English and Spanish words: the standard analyzer keeps them, and in a small index their idf is still
     * high.
     */
    static final Set<String> STOPWORDS = Set.of(("a about above after again against all also am an and any are as at "
            + "be because been before being below between both but by can could did do does doing down during each "
            + "few for from further had has have having he her here hers herself him himself his how i if in into is "
            + "it its itself just may me might more most much must my myself new no nor not now of off on once one "
            + "only or other our ours ourselves out over own said same says she should since so some such than that "
            + "the their theirs them themselves then there these they this those through to too two under until up "
            + "upon us very was we were what when where which while who whom why will with within without would yet "
            + "you your yours yourself yourselves "
            + "al ante aunque como con contra cual cuando del desde donde durante el ella ellas ellos en entre era "
            + "eran es esa ese eso esta estaba estas este esto estos fue fueron ha han hasta hay la las le les lo los "
            + "mas muy nos o para pero por porque que se ser sin sobre son su sus tambien tiene todo tras un una unas "
            + "uno unos y ya").split(" "));

    private final int keywords;
    private final int entities;

    public StoryKeysBuilder(int keywords, int entities) {
        this.keywords = keywords;
        this.entities = entities;
    }

    public StoryKeys build(ArticleDocument doc, TermStats stats) {
        Set<String> nameWords = new HashSet<>();
        Map<String, Double> entityWeights = new LinkedHashMap<>();
        if (doc.entities() != null) {
            for (ArticleDocument.EntityDocument e : doc.entities()) {
                addWords(e.name(), nameWords);
                if (e.aliases() != null) {
                    e.aliases().forEach(a -> addWords(a, nameWords));
                }
                if (IGNORED_TYPES.contains(e.type())) {
                    continue;
                }
                double salience = Math.max(0, Math.min(1, e.salience()));
                entityWeights.put(e.id(), (0.25 + 0.75 * salience)
                        * idf(stats.entityDocs(), stats.entityDf().getOrDefault(e.id(), 0L)));
            }
        }
        Map<String, Double> termWeights = new LinkedHashMap<>();
        stats.termFreq().forEach((term, tf) -> {
            if (term.length() < 3 || STOPWORDS.contains(term) || nameWords.contains(term)) {
                return;
            }
            termWeights.put(term, (1 + Math.log(tf)) * idf(stats.textDocs(), stats.termDf().getOrDefault(term, 0L)));
        });
        return new StoryKeys(top(termWeights, keywords), top(entityWeights, entities), doc.language());
    }

    /** Smoothed inverse document frequency; a term no indexed article has yet weighs most. */
    static double idf(long docs, long df) {
        return Math.log((docs + 1.0) / (df + 1.0)) + 1;
    }

    /** The heaviest {@code n}, weights rounded (they are stored with every article). */
    static Map<String, Double> top(Map<String, Double> weights, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(StoryKeys.HEAVIEST_FIRST)
                .limit(n)
                .forEach(e -> out.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0));
        return out;
    }

    /**
     * The words of a name as the standard analyzer splits folded text (letters and digits, lower case), those written
     * with a capital or a digit only: a tagger's "A volcanic eruption" names nothing, and its words stay keywords.
     */
    static void addWords(String text, Set<String> out) {
        if (text == null) {
            return;
        }
        for (String w : text.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && (Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0)))) {
                out.add(newsroom.support.text.TextFolding.key(w).toLowerCase(Locale.ROOT));
            }
        }
    }
}
