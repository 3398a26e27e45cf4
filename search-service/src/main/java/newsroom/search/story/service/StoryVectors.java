package newsroom.search.story.service;

import java.util.List;
import java.util.Map;

import newsroom.search.repository.ArticleDocument.StoryKeys;

/**
 * An article's (or a story profile's) {@link StoryKeys} in the form {@link StorySimilarity} compares: entities
 * without their type, keywords by stem, and the length of each. Made once per article and per candidate of an
 * assignment, not once per pair compared: the stems and the lengths were most of the comparison's cost.
 */
public final class StoryVectors {
    private final StoryKeys keys;
    private final Map<String, Double> entities;
    /** Entities by canonical name, heaviest first (name order on a tie). */
    private final List<String> ranked;
    private final Map<String, Double> terms;
    private final double entityLength;
    private final double termLength;
    /** Only an article compared across languages needs them. */
    private Map<String, Double> names;
    private double nameLength;

    private StoryVectors(StoryKeys keys) {
        this.keys = keys;
        this.entities = StorySimilarity.untyped(keys.entities());
        this.ranked = entities.entrySet().stream().sorted(StoryKeys.HEAVIEST_FIRST).map(Map.Entry::getKey)
                .toList();
        this.terms = StorySimilarity.stems(keys.terms());
        this.entityLength = StorySimilarity.length(entities);
        this.termLength = StorySimilarity.length(terms);
    }

    public static StoryVectors of(StoryKeys keys) {
        return new StoryVectors(keys);
    }

    public StoryKeys keys() {
        return keys;
    }

    public String language() {
        return keys.language();
    }

    /** Entities by canonical name, without the type. */
    Map<String, Double> entities() {
        return entities;
    }

    /** Whether one of this one's {@code n} heaviest entities is among the {@code n} heaviest of {@code other}. */
    boolean sharesMainEntity(StoryVectors other, int n) {
        List<String> mine = ranked.subList(0, Math.min(n, ranked.size()));
        List<String> theirs = other.ranked.subList(0, Math.min(n, other.ranked.size()));
        return mine.stream().anyMatch(theirs::contains);
    }

    /** Keywords by stem. */
    Map<String, Double> terms() {
        return terms;
    }

    double entityLength() {
        return entityLength;
    }

    double termLength() {
        return termLength;
    }

    /** What another language can share with it ({@link StorySimilarity#names}). */
    Map<String, Double> names() {
        if (names == null) {
            names = StorySimilarity.names(this);
            nameLength = StorySimilarity.length(names);
        }
        return names;
    }

    double nameLength() {
        names();
        return nameLength;
    }
}
