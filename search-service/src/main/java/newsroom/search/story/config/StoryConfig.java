package newsroom.search.story.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Online story assignment: how long a story stays open, how articles are compared, and when they join. Why each value
 * is what it is: {@code docs/architecture.md}, "Stories".
 */
@ConfigMapping(prefix = "newsroom.search.stories")
public interface StoryConfig {

    /** Off: articles are indexed without a story (and keep one they already have). */
    @WithDefault("true")
    boolean enabled();

    /** An article joins a story only through an article of it dated at most this far from its own, either way. */
    @WithDefault("72h")
    Duration window();

    /**
     * How long this instance remembers the articles it indexed, as candidates for the next ones, without forcing a
     * refresh: longer than the index's refresh interval ({@code newsroom.search.index.refresh-interval}) plus a
     * refresh's own time.
     */
    @WithDefault("30s")
    Duration recent();

    /** The most articles remembered so (the newest are kept). */
    @WithDefault("5000")
    int recentCapacity();

    /**
     * How long story entries read or written are kept in memory (0 = not kept): a story's entry only changes when a
     * merge absorbs it, and another instance's merge is seen this much later at most, as {@link #recent()} lags.
     */
    @WithDefault("30s")
    Duration recordCache();

    /** Candidate articles one article is compared with: the bound on the cost per article. */
    @WithDefault("30")
    int candidates();

    /**
     * The heaviest keywords the candidate search looks up (of {@link #keywords()}; every one is still compared): each
     * is a term lookup in every segment, and the lightest rarely change which articles come first.
     */
    @WithDefault("15")
    int searchedKeywords();

    /** Keywords (TF-IDF over title and body, entity names left out) kept per article. */
    @WithDefault("25")
    int keywords();

    /** Entities (salience times rarity) kept per article. */
    @WithDefault("12")
    int entities();

    /** Share of the entity cosine in the similarity; the keyword cosine has the rest. */
    @WithDefault("0.60")
    double entityWeight();

    /** The similarity at which an article joins a story's article. */
    @WithDefault("0.20")
    double joinThreshold();

    /**
     * The keyword cosine an article must also reach to join: shared entities alone are not one event (two hearings
     * of the same case share every name).
     */
    @WithDefault("0.06")
    double minKeywordSimilarity();

    /**
     * Two articles in one language share an entity for these rules only if one they share is among the this many
     * heaviest of each: names both mention in passing (the Senate in a hurricane report, the hurricane in a Senate
     * funding bill) do not make one event, and the pair is then held to the keyword-only rule.
     */
    @WithDefault("4")
    int mainEntities();

    /** The keyword cosine that joins two articles without any shared entity. */
    @WithDefault("0.50")
    double keywordOnlyThreshold();

    /**
     * Past this much time between an article and a story's nearest article, every threshold for joining (and
     * merging) that story rises by {@link #thresholdRisePerDay()}...
     */
    @WithDefault("24h")
    Duration thresholdRiseAfter();

    /**
     * ...this much per day: the longer a story has been quiet, the more an article must share with it to continue it.
     * A later event on the same subject shares the names and much of the vocabulary (a hearing in another case of the
     * same lawyers, a prison's expansion after a contempt finding about flights to it); coverage of one event comes
     * within hours of its other articles, or shares much more with them.
     */
    @WithDefault("0.10")
    double thresholdRisePerDay();

    /** The similarity an article must reach with two stories to merge them (stricter than joining one). */
    @WithDefault("0.40")
    double mergeThreshold();

    /**
     * Across languages words cannot be compared: an article joins an article or story in another language only
     * through this many shared entities at least...
     */
    @WithDefault("3")
    int crossLanguageSharedEntities();

    /** ...and an entity cosine at least this high (stricter than the same-language rule, which also needs words). */
    @WithDefault("0.15")
    double crossLanguageEntitySimilarity();
}
