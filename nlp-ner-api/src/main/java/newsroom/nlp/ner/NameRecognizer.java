package newsroom.nlp.ner;

import java.util.List;

/**
 * A statistical recognizer of names (people, organizations, locations, other). Implementations are thread-safe:
 * one instance serves every worker.
 */
public interface NameRecognizer {

    /** Short description of the model, reported with each enriched article (e.g. {@code corenlp-crf-conll4}). */
    String name();

    /**
     * Names found in {@code text}, with character offsets into it. Newlines are sentence boundaries: no name spans
     * one.
     */
    List<RecognizedName> recognize(String text);
}
