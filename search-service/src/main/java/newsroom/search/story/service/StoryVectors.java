package newsroom.search.story.service;

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
    private final Map<String, Double> terms;
    private final double entityLength;
    private final double termLength;
    /** Only an article compared across languages needs them. */
    private Map<String, Double> names;
    private double nameLength;

    private StoryVectors(StoryKeys keys) {
        this.keys = keys;
        this.entities = StorySimilarity.untyped(keys.entities());
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
