package newsroom.nlp.ner.corenlp;

import java.util.Map;

import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.NameRecognizerProvider;

/**
 * Engine {@code corenlp}. Option {@code model}: {@code conll4} (default: PERSON, ORGANIZATION, LOCATION, MISC),
 * {@code all3} (PERSON, ORGANIZATION, LOCATION), {@code spanish} (the Spanish AnCora model: PERSON, ORGANIZATION,
 * LOCATION, MISC; about 95 MB of heap once loaded), or a classpath path of a CRF model.
 */
public final class CoreNlpRecognizerProvider implements NameRecognizerProvider {

    @Override
    public String engine() {
        return "corenlp";
    }

    @Override
    public NameRecognizer create(Map<String, String> options) {
        String model = options.getOrDefault("model", "conll4");
        String path = switch (model) {
            case "conll4" -> CoreNlpNameRecognizer.CONLL_4CLASS;
            case "all3" -> CoreNlpNameRecognizer.ALL_3CLASS;
            case "spanish" -> CoreNlpNameRecognizer.SPANISH_4CLASS;
            default -> model;
        };
        return new CoreNlpNameRecognizer(path);
    }
}
