package newsroom.nlp.extraction;

import newsroom.nlp.Extraction;

/** Finds, types and links the entities of one article. Implementations are thread-safe. */
public interface EntityExtractor {

    /** Entities with mention offsets into {@code title + "\n\n" + body} ({@link newsroom.events.ArticleText}). */
    Extraction extract(String title, String body);

    /** Short name of the engine, reported in {@link newsroom.events.NlpInfo}. */
    String engine();

    String version();
}
