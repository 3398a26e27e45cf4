package newsroom.search.story.repository;

import java.util.Map;

/**
 * What the index knows about an article's words and entities before the article is in it.
 *
 * @param termFreq each word's count in the article (title words count twice: a headline says what the event is)
 * @param termDf in how many indexed articles each word occurs
 * @param textDocs indexed articles with a body
 * @param entityDf in how many indexed articles each entity occurs
 * @param entityDocs indexed articles with an entity
 */
public record TermStats(Map<String, Integer> termFreq, Map<String, Long> termDf, long textDocs,
        Map<String, Long> entityDf, long entityDocs) {
}
