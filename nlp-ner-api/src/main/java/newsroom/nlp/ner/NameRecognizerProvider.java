package newsroom.nlp.ner;

import java.util.Map;

/** Creates a {@link NameRecognizer}; found with {@link java.util.ServiceLoader}, so the service never names an implementation. */
public interface NameRecognizerProvider {

    /** The engine name selected by configuration, e.g. {@code corenlp}. */
    String engine();

    NameRecognizer create(Map<String, String> options);
}
