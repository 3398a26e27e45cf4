package newsroom.nlp.extraction;

import newsroom.nlp.Extraction;

/** Finds, types and links the entities of one article. Implementations are thread-safe. */
public interface EntityExtractor {

    /** Entities with mention offsets into {@code title + "\n\n" + body} ({@link newsroom.events.ArticleText}). */
    default Extraction extract(String title, String body) {
        return extract(title, body, Deadline.NONE);
    }

    /**
     * As {@link #extract(String, String)}, giving up once {@code deadline} has passed.
     *
     * @throws Deadline.Exceeded when the budget is spent, {@link Deadline.Cancelled} when the work was called off
     */
    Extraction extract(String title, String body, Deadline deadline);

    /** Short name of the engine, reported in {@link newsroom.events.NlpInfo}. */
    String engine();

    String version();
}
